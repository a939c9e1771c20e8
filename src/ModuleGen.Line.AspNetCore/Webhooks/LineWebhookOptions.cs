using System;
using System.Collections.Generic;
using ModuleGen.Line.Webhooks;

namespace ModuleGen.Line.AspNetCore.Webhooks;

/// <summary>How the webhook endpoint authenticates and bounds requests.</summary>
public sealed class LineWebhookOptions
{
    /// <summary>
    /// The module channel's secrets. A request signed with any of them is accepted, so during a rotation list both the
    /// old and the new secret, then remove the old one. At least one is required.
    /// </summary>
    public IList<string> ChannelSecrets { get; } = new List<string>();

    /// <summary>The largest body accepted; larger requests get 413. Default 1 MiB.</summary>
    public int MaxBodyBytes { get; set; } = LineWebhookParser.DefaultMaxBodyBytes;

    /// <summary>
    /// How many webhook requests are read and stored at once; more wait for a slot (until the client gives up). Bounds
    /// the memory bodies take under a flood. Default 64.
    /// </summary>
    public int MaxConcurrentRequests { get; set; } = 64;

    /// <summary>
    /// How many rejected requests (bad signature, too large, not a webhook) are logged as warnings per minute; the rest
    /// are counted (metric <c>modulegen.webhook.requests.rejected</c>) and summed up in one line when the minute ends.
    /// Default 5.
    /// </summary>
    public int RejectionWarningsPerMinute { get; set; } = 5;
}
