using System.Threading;
using System.Threading.Tasks;

namespace ModuleGen.Line.Inbox;

/// <summary>Handles one webhook event for <see cref="LineWebhookInboxWorker"/>.</summary>
/// <remarks>
/// Delivery is at least once, so handling must be idempotent (key side effects on
/// <see cref="LineInboxEvent.WebhookEventId"/>). The worker is a singleton: an implementation that needs scoped services
/// creates its own scope per call.
/// </remarks>
public interface ILineInboxEventProcessor
{
    /// <summary>
    /// Handles the event. Returning completes it; throwing records a failed attempt to be retried with backoff. An
    /// <see cref="System.OperationCanceledException"/> caused by <paramref name="cancellationToken"/> (host shutdown)
    /// is not a failure: the event is released for a later attempt.
    /// </summary>
    ValueTask ProcessAsync(LineInboxEntry entry, CancellationToken cancellationToken);

    /// <summary>
    /// Whether a failure of <see cref="ProcessAsync"/> is permanent: the reason to dead-letter the event at once, or
    /// <see langword="null"/> to retry it with backoff. The default retries every failure.
    /// </summary>
    string? GetPermanentFailureReason(System.Exception exception) => null;
}
