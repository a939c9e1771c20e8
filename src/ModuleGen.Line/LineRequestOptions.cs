using System.Net.Http;

namespace ModuleGen.Line;

/// <summary>
/// What a generated call records on its <see cref="HttpRequestMessage"/>'s <see cref="HttpRequestMessage.Options"/>, for
/// delegating handlers of your own (logging, metrics, routing) and for ModuleGen's resilience, rate-limiting and tenant
/// handlers. Each value is set on the one message of the call, never on the shared client.
/// </summary>
public static class LineRequestOptions
{
    /// <summary>The operation a request message belongs to (read by handlers such as the resilience handler).</summary>
    public static readonly HttpRequestOptionsKey<LineOperation> Operation = new("ModuleGen.Line.Operation");

    /// <summary>The retry key a request message carries, when its operation takes one.</summary>
    public static readonly HttpRequestOptionsKey<string> RetryKey = new("ModuleGen.Line.RetryKey");

    /// <summary>The OA (bot ID) a request message acts for, when it carries the bot-id header: the rate-limit and circuit partition.</summary>
    public static readonly HttpRequestOptionsKey<string> BotId = new("ModuleGen.Line.BotId");
}
