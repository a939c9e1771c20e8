using System;

namespace ModuleGen.Line;

/// <summary>A module channel's ID and secret (HTTP Basic for the attach call). The secret never appears in text.</summary>
public sealed class LineChannelCredentials
{
    /// <summary>Creates credentials.</summary>
    public LineChannelCredentials(string channelId, string channelSecret)
    {
        ArgumentException.ThrowIfNullOrEmpty(channelId);
        ArgumentException.ThrowIfNullOrEmpty(channelSecret);
        ChannelId = channelId;
        ChannelSecret = channelSecret;
    }

    /// <summary>The channel ID.</summary>
    public string ChannelId { get; }

    /// <summary>The channel secret.</summary>
    public string ChannelSecret { get; }

    internal string ToBasicParameter()
        => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(ChannelId + ":" + ChannelSecret));

    /// <inheritdoc />
    public override string ToString() => $"LineChannelCredentials({ChannelId}, ***)";
}
