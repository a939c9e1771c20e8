using System;
using Microsoft.Extensions.Logging;

namespace ModuleGen.Line.Tokens;

/// <summary>The token provider's log messages (source-generated). The token, secret and assertion are never arguments.</summary>
internal static partial class LineTokenLog
{
    [LoggerMessage(EventId = 1, EventName = "ChannelAccessTokenIssued", Level = LogLevel.Debug,
        Message = "Module channel {ChannelId} got a new {TokenKind} channel access token, valid until {ExpiresAt:O}.")]
    public static partial void Issued(ILogger logger, string channelId, LineModuleTokenKind tokenKind, DateTimeOffset expiresAt);

    [LoggerMessage(EventId = 2, EventName = "ChannelAccessTokenIssueFailed", Level = LogLevel.Warning,
        Message = "Issuing a channel access token for module channel {ChannelId} failed with status {Status} ({ErrorCode}); the next call tries again.")]
    public static partial void IssueFailed(ILogger logger, string channelId, int status, string? errorCode);
}
