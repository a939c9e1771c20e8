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
}
