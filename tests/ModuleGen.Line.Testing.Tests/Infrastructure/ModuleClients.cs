using System;
using System.Net.Http;
using ModuleGen.Line.Models;

namespace ModuleGen.Line.Testing.Tests.Infrastructure;

/// <summary>A module's clients pointed at a fake platform the way a module points them at LINE: the endpoint map.</summary>
internal sealed class ModuleClients : IDisposable
{
    public const string Token = "module-channel-token";

    private readonly HttpClient http;

    /// <param name="platform">The fake.</param>
    /// <param name="retries">Puts LINE's resilience handler (fast retries) in front of the fake's fault handler.</param>
    public ModuleClients(LineFakePlatform platform, bool retries = false)
    {
        http = retries
            ? new HttpClient(new LineResilienceHandler(new LineResilienceOptions { BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(5) })
            {
                InnerHandler = platform.CreateHandler(),
            })
            : platform.CreateHttpClient();
        var options = new LineClientOptions();
        platform.MapEndpoints(options.Endpoints);
        Pipeline = new LineClientPipeline(
            http,
            options,
            new StaticAccessTokenProvider(Token),
            new LineChannelCredentials(platform.Options.ChannelId, platform.Options.ChannelSecret));
        Module = new LineModuleClient(Pipeline);
        Attach = new LineModuleAttachClient(Pipeline);
        Messaging = new MessagingApiClient(Pipeline);
    }

    public LineClientPipeline Pipeline { get; }

    public LineModuleClient Module { get; }

    public LineModuleAttachClient Attach { get; }

    public MessagingApiClient Messaging { get; }

    public static PushMessageRequest Push(string to, string text) => new()
    {
        To = to,
        Messages = [new TextMessage { Text = text }],
    };

    public void Dispose() => http.Dispose();
}
