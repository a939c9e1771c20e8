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
    [LoggerMessage(EventId = 201, EventName = "WebhookRejected", Level = LogLevel.Warning, Message = "Rejected a webhook request with {StatusCode}: {Reason}. {Detail}")]
    public static partial void Rejected(ILogger logger, int statusCode, string reason, string detail);

    [LoggerMessage(EventId = 202, EventName = "WebhookVerificationAnswered", Level = LogLevel.Information, Message = "Answered LINE's webhook verification call for {Destination}.")]
    public static partial void VerificationAnswered(ILogger logger, string? destination);

    [LoggerMessage(EventId = 203, EventName = "WebhookStored", Level = LogLevel.Debug,
        Message = "Stored {StoredCount} webhook events for {Destination} ({DuplicateCount} duplicates skipped).")]
    public static partial void Stored(ILogger logger, int storedCount, string? destination, int duplicateCount);

    [LoggerMessage(EventId = 204, EventName = "WebhookStoreFailed", Level = LogLevel.Error,
        Message = "Could not store {EventCount} webhook events for {Destination}; answered 500 so that LINE redelivers them.")]
    public static partial void StoreFailed(ILogger logger, Exception exception, int eventCount, string? destination);

    [LoggerMessage(EventId = 205, EventName = "WebhookNoHandler", Level = LogLevel.Debug, Message = "No handler for webhook event {WebhookEventId} ({EventType}); completed without handling.")]
    public static partial void NoHandler(ILogger logger, string webhookEventId, string eventType);

    [LoggerMessage(EventId = 206, EventName = "WebhookRejectionsSuppressed", Level = LogLevel.Warning, Message = "{Count} more webhook requests were rejected in the last minute without a log line each (see the metric modulegen.webhook.requests.rejected).")]
    public static partial void RejectionsSuppressed(ILogger logger, int count);

    [LoggerMessage(EventId = 207, EventName = "WebhookBodyNotRead", Level = LogLevel.Debug, Message = "A webhook request ended before its body was read ({StatusCode}): {Detail}")]
    public static partial void BodyNotRead(ILogger logger, int statusCode, string detail);

    [LoggerMessage(EventId = 208, EventName = "WebhookProblems", Level = LogLevel.Information, Message = "Accepted a webhook body for {Destination} with {Count} problems (stored all the same): {Problems}")]
    public static partial void Problems(ILogger logger, string? destination, int count, string problems);

    [LoggerMessage(EventId = 209, EventName = "WebhookEventProblems", Level = LogLevel.Information, Message = "Webhook event {WebhookEventId} ({EventType}) for {Destination} has problems (handled all the same): {Problems}")]
    public static partial void EventProblems(ILogger logger, string webhookEventId, string eventType, string destination, string problems);
}
