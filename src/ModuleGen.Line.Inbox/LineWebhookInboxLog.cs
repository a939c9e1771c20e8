using System;
using Microsoft.Extensions.Logging;

namespace ModuleGen.Line.Inbox;

/// <summary>
/// The worker's log messages. They carry IDs, types and times only: event bodies may hold user data and are never
/// logged.
/// </summary>
internal static partial class LineWebhookInboxLog
{
    [LoggerMessage(EventId = 301, EventName = "WebhookInboxEventHandled", Level = LogLevel.Debug,
        Message = "Handled webhook event {WebhookEventId} ({EventType}) for {Destination} on attempt {Attempt}.")]
    public static partial void EventHandled(
        ILogger logger, string webhookEventId, string eventType, string destination, int attempt);

    [LoggerMessage(EventId = 302, EventName = "WebhookInboxEventFailed", Level = LogLevel.Warning,
        Message = "Webhook event {WebhookEventId} ({EventType}) failed on attempt {Attempt} of {MaxAttempts} ({Error}); next attempt at {RetryAt:O}.")]
    public static partial void EventFailed(
        ILogger logger, string webhookEventId, string eventType, int attempt, int maxAttempts, string error, DateTimeOffset retryAt);

    [LoggerMessage(EventId = 303, EventName = "WebhookInboxEventDeadLettered", Level = LogLevel.Error,
        Message = "Webhook event {WebhookEventId} ({EventType}) failed on attempt {Attempt} of {MaxAttempts} and was dead-lettered.")]
    public static partial void EventDeadLettered(
        ILogger logger, Exception exception, string webhookEventId, string eventType, int attempt, int maxAttempts);

    [LoggerMessage(EventId = 304, EventName = "WebhookInboxEventAbandoned", Level = LogLevel.Error,
        Message = "Webhook event {WebhookEventId} ({EventType}) was dead-lettered without another attempt: {ExpiredLeases} leases expired unfinished.")]
    public static partial void EventAbandoned(ILogger logger, string webhookEventId, string eventType, int expiredLeases);

    [LoggerMessage(EventId = 305, EventName = "WebhookInboxEventReleased", Level = LogLevel.Information,
        Message = "Handling of webhook event {WebhookEventId} ({EventType}) was cancelled by shutdown; released for a later attempt.")]
    public static partial void EventReleased(ILogger logger, string webhookEventId, string eventType);

    [LoggerMessage(EventId = 306, EventName = "WebhookInboxOutcomeNotRecorded", Level = LogLevel.Error,
        Message = "Could not record the outcome of webhook event {WebhookEventId}; it is attempted again after its lease expires at {LeasedUntil:O}.")]
    public static partial void OutcomeNotRecorded(
        ILogger logger, Exception exception, string webhookEventId, DateTimeOffset leasedUntil);

    [LoggerMessage(EventId = 307, EventName = "WebhookInboxLeaseFailed", Level = LogLevel.Error, Message = "Could not lease webhook events; trying again in {PollInterval}.")]
    public static partial void LeaseFailed(ILogger logger, Exception exception, TimeSpan pollInterval);

    [LoggerMessage(EventId = 308, EventName = "WebhookInboxPurged", Level = LogLevel.Information, Message = "Purged {Count} completed webhook events completed before {Cutoff:O}.")]
    public static partial void Purged(ILogger logger, int count, DateTimeOffset cutoff);

    [LoggerMessage(EventId = 313, EventName = "WebhookInboxDeadLettersPurged", Level = LogLevel.Information, Message = "Purged {Count} dead-lettered webhook events dead-lettered before {Cutoff:O} (DeadLetterRetention).")]
    public static partial void DeadLettersPurged(ILogger logger, int count, DateTimeOffset cutoff);

    [LoggerMessage(EventId = 309, EventName = "WebhookInboxPurgeFailed", Level = LogLevel.Warning, Message = "Could not purge completed webhook events; trying again later.")]
    public static partial void PurgeFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 310, EventName = "WebhookInboxLeaseRenewalFailed", Level = LogLevel.Warning,
        Message = "Could not renew the lease of webhook event {WebhookEventId}; trying again in {RenewalInterval}.")]
    public static partial void LeaseRenewalFailed(
        ILogger logger, Exception exception, string webhookEventId, TimeSpan renewalInterval);

    [LoggerMessage(EventId = 311, EventName = "WebhookInboxLeaseNotRenewed", Level = LogLevel.Information,
        Message = "The lease of webhook event {WebhookEventId} was not renewed (it is no longer held, or the store does not renew leases); once it expires the event may be handled again elsewhere.")]
    public static partial void LeaseNotRenewed(ILogger logger, string webhookEventId);

    [LoggerMessage(EventId = 312, EventName = "WebhookInboxEventFailedPermanently", Level = LogLevel.Error,
        Message = "Webhook event {WebhookEventId} ({EventType}) failed permanently on attempt {Attempt} and was dead-lettered without retries: {Reason}")]
    public static partial void EventFailedPermanently(
        ILogger logger, Exception exception, string webhookEventId, string eventType, int attempt, string reason);
}
