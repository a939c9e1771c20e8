using System;
using System.Collections.Generic;
using System.Net.Http;

namespace ModuleGen.Line.Testing;

/// <summary>Who the module under test is, as far as the fake platform knows, and where its webhooks go.</summary>
public sealed class LineFakePlatformOptions
{
    /// <summary>The module channel ID: the authorize URL's <c>client_id</c> and the attach call's Basic user name.</summary>
    public string ChannelId { get; set; } = "1234567890";

    /// <summary>The module channel secret: the attach call's Basic password, and the key webhooks are signed with.</summary>
    public string ChannelSecret { get; set; } = "0123456789abcdef0123456789abcdef";

    /// <summary>The bot-id header the module sends (LINE gives the real name only to Marketplace partners).</summary>
    public string BotIdHeaderName { get; set; } = LineClientOptions.DefaultBotIdHeaderName;

    /// <summary>The scopes an OA grants when neither the test nor the authorize URL names any.</summary>
    public IList<string> DefaultScopes { get; } = ["message:send", "message:receive", "profile:read"];

    /// <summary>How long after another channel takes chat control an acquire gets 423 (LINE: "within the last few seconds").</summary>
    public TimeSpan ChatControlLock { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The clock for chat control; a test can move a fake one past <see cref="ChatControlLock"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>The module's webhook URL; relative to <see cref="WebhookClient"/>'s base address when that is set.</summary>
    public Uri? WebhookUrl { get; set; }

    /// <summary>
    /// The client webhooks are posted with, e.g. <c>WebApplicationFactory.CreateClient()</c> for an in-memory module;
    /// when <see langword="null"/>, the platform posts over the network with a client of its own.
    /// </summary>
    public HttpClient? WebhookClient { get; set; }
}
