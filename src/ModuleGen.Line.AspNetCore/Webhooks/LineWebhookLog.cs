using System;
using Microsoft.Extensions.Logging;
using ModuleGen.Line.Webhooks;

namespace ModuleGen.Line.AspNetCore.Webhooks;

/// <summary>
/// The endpoint's and dispatcher's log messages: reasons, counts, IDs and types only — never bodies, signatures or
/// secrets.
/// </summary>
internal static partial class LineWebhookLog
{
    [LoggerMessage(101, LogLevel.Warning, "Rejected a webhook request with {StatusCode}: {Reason}. {Detail}")]
    public static partial void Rejected(ILogger logger, int statusCode, string reason, string detail);

    [LoggerMessage(102, LogLevel.Information, "Answered LINE's webhook verification call for {Destination}.")]
    public static partial void VerificationAnswered(ILogger logger, string? destination);

    [LoggerMessage(103, LogLevel.Debug,
        "Stored {StoredCount} webhook events for {Destination} ({DuplicateCount} duplicates skipped).")]
    public static partial void Stored(ILogger logger, int storedCount, string? destination, int duplicateCount);

    [LoggerMessage(104, LogLevel.Error,
        "Could not store {EventCount} webhook events for {Destination}; answered 500 so that LINE redelivers them.")]
    public static partial void StoreFailed(ILogger logger, Exception exception, int eventCount, string? destination);

    [LoggerMessage(105, LogLevel.Debug, "No handler for webhook event {WebhookEventId} ({EventType}); completed without handling.")]
    public static partial void NoHandler(ILogger logger, string webhookEventId, string eventType);

    [LoggerMessage(106, LogLevel.Warning, "{Count} more webhook requests were rejected in the last minute without a log line each (see the metric modulegen.webhook.requests.rejected).")]
    public static partial void RejectionsSuppressed(ILogger logger, int count);

    [LoggerMessage(107, LogLevel.Debug, "A webhook request ended before its body was read ({StatusCode}): {Detail}")]
    public static partial void BodyNotRead(ILogger logger, int statusCode, string detail);

    [LoggerMessage(108, LogLevel.Information, "Accepted a webhook body for {Destination} with {Count} problems (stored all the same): {Problems}")]
    public static partial void Problems(ILogger logger, string? destination, int count, string problems);

    [LoggerMessage(109, LogLevel.Information, "Webhook event {WebhookEventId} ({EventType}) for {Destination} has problems (handled all the same): {Problems}")]
    public static partial void EventProblems(ILogger logger, string webhookEventId, string eventType, string destination, string problems);
}
