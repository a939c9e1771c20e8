using System;
using Microsoft.Extensions.Logging;

namespace ModuleGen.Line.AspNetCore.Inbox;

/// <summary>
/// The worker's log messages. They carry IDs, types and times only: event bodies may hold user data and are never
/// logged.
/// </summary>
internal static partial class WebhookInboxLog
{
    [LoggerMessage(1, LogLevel.Debug,
        "Handled webhook event {WebhookEventId} ({EventType}) for {Destination} on attempt {Attempt}.")]
    public static partial void EventHandled(
        ILogger logger, string webhookEventId, string eventType, string destination, int attempt);

    [LoggerMessage(2, LogLevel.Warning,
        "Webhook event {WebhookEventId} ({EventType}) failed on attempt {Attempt} of {MaxAttempts} ({Error}); next attempt at {RetryAt:O}.")]
    public static partial void EventFailed(
        ILogger logger, string webhookEventId, string eventType, int attempt, int maxAttempts, string error, DateTimeOffset retryAt);

    [LoggerMessage(3, LogLevel.Error,
        "Webhook event {WebhookEventId} ({EventType}) failed on attempt {Attempt} of {MaxAttempts} and was dead-lettered.")]
    public static partial void EventDeadLettered(
        ILogger logger, Exception exception, string webhookEventId, string eventType, int attempt, int maxAttempts);

    [LoggerMessage(4, LogLevel.Error,
        "Webhook event {WebhookEventId} ({EventType}) was dead-lettered without another attempt: {ExpiredLeases} leases expired unfinished.")]
    public static partial void EventAbandoned(ILogger logger, string webhookEventId, string eventType, int expiredLeases);

    [LoggerMessage(5, LogLevel.Information,
        "Handling of webhook event {WebhookEventId} ({EventType}) was cancelled by shutdown; released for a later attempt.")]
    public static partial void EventReleased(ILogger logger, string webhookEventId, string eventType);

    [LoggerMessage(6, LogLevel.Error,
        "Could not record the outcome of webhook event {WebhookEventId}; it is attempted again after its lease expires at {LeasedUntil:O}.")]
    public static partial void OutcomeNotRecorded(
        ILogger logger, Exception exception, string webhookEventId, DateTimeOffset leasedUntil);

    [LoggerMessage(7, LogLevel.Error, "Could not lease webhook events; trying again in {PollInterval}.")]
    public static partial void LeaseFailed(ILogger logger, Exception exception, TimeSpan pollInterval);

    [LoggerMessage(8, LogLevel.Information, "Purged {Count} completed webhook events completed before {Cutoff:O}.")]
    public static partial void Purged(ILogger logger, int count, DateTimeOffset cutoff);

    [LoggerMessage(20, LogLevel.Information, "Purged {Count} dead-lettered webhook events dead-lettered before {Cutoff:O} (DeadLetterRetention).")]
    public static partial void DeadLettersPurged(ILogger logger, int count, DateTimeOffset cutoff);

    [LoggerMessage(9, LogLevel.Warning, "Could not purge completed webhook events; trying again later.")]
    public static partial void PurgeFailed(ILogger logger, Exception exception);

    [LoggerMessage(10, LogLevel.Warning,
        "Could not renew the lease of webhook event {WebhookEventId}; trying again in {RenewalInterval}.")]
    public static partial void LeaseRenewalFailed(
        ILogger logger, Exception exception, string webhookEventId, TimeSpan renewalInterval);

    [LoggerMessage(11, LogLevel.Information,
        "The lease of webhook event {WebhookEventId} was not renewed (it is no longer held, or the store does not renew leases); once it expires the event may be handled again elsewhere.")]
    public static partial void LeaseNotRenewed(ILogger logger, string webhookEventId);

    [LoggerMessage(12, LogLevel.Error,
        "Webhook event {WebhookEventId} ({EventType}) failed permanently on attempt {Attempt} and was dead-lettered without retries: {Reason}")]
    public static partial void EventFailedPermanently(
        ILogger logger, Exception exception, string webhookEventId, string eventType, int attempt, string reason);
}
