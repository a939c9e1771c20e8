using System;
using Microsoft.Extensions.Logging;

namespace ModuleGen.Line.Diagnostics;

/// <summary>
/// The client's log messages (source-generated). None carries a token, secret, assertion or Authorization header:
/// only operation IDs, bot IDs, statuses, LINE's request IDs and retry keys (which are not secrets).
/// </summary>
internal static partial class LineClientLog
{
    [LoggerMessage(EventId = 101, EventName = "LineCallFailed", Level = LogLevel.Warning,
        Message = "{OperationId} for bot {BotId} failed with status {Status} after {Attempts} attempt(s) (request id {RequestId}, retry key {RetryKey}): {Reason}")]
    public static partial void CallFailed(ILogger logger, string operationId, string? botId, int status, int attempts, string? requestId, string? retryKey, string reason);

    [LoggerMessage(EventId = 102, EventName = "LineCallRetrying", Level = LogLevel.Information,
        Message = "Retrying {OperationId} for bot {BotId} in {DelayMs} ms after {Reason} (retry {Retry}, retry key {RetryKey})")]
    public static partial void Retrying(ILogger logger, string operationId, string? botId, long delayMs, string reason, int retry, string? retryKey);

    [LoggerMessage(EventId = 103, EventName = "LineResponseUnreadable", Level = LogLevel.Warning,
        Message = "LINE accepted {OperationId} for bot {BotId} ({Status}, request id {RequestId}, retry key {RetryKey}) but its response could not be read; not sending it again")]
    public static partial void ResponseUnreadable(ILogger logger, string operationId, string? botId, int status, string? requestId, string? retryKey, Exception exception);

    [LoggerMessage(EventId = 104, EventName = "LineRateLimiterRejected", Level = LogLevel.Warning,
        Message = "The client-side rate limit of {OperationId} for bot {BotId} ({Requests} per {Period}) had no permit within {QueueTimeMs} ms; the call was not sent")]
    public static partial void RateLimiterRejected(ILogger logger, string operationId, string? botId, int requests, string period, long queueTimeMs);

    [LoggerMessage(EventId = 105, EventName = "LineTokenRefreshedAfter401", Level = LogLevel.Information,
        Message = "LINE refused the cached channel access token for {OperationId} (401); retrying once with a fresh token")]
    public static partial void TokenRefreshedAfter401(ILogger logger, string operationId);
}
