using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace ModuleGen.Line.Inbox;

/// <summary>
/// A durable store of webhook events: the endpoint stores a batch before it answers LINE with 200, and a worker leases,
/// processes and completes the events afterwards, so an acknowledged event is never lost.
/// </summary>
/// <remarks>
/// <para>
/// Every event is in one of three states. <b>Pending</b> events are leased when due: when their retry time has come,
/// or when the lease of a previous holder expired (that holder crashed or hung). <b>Completed</b> events keep only
/// their ID, for deduplication, until purged. <b>Dead-lettered</b> events keep everything until an operator requeues
/// them.
/// </para>
/// <para>
/// Delivery is at least once: a holder whose lease expired may still finish while a new holder processes the same
/// event. Processors must therefore be idempotent. A holder that is still alive keeps its lease with
/// <see cref="RenewLeaseAsync"/>, so only a holder that died or froze loses its events to another.
/// </para>
/// <para>Implementations must be safe to call from several threads at once, and read the clock only through an
/// injected <see cref="TimeProvider"/>.</para>
/// </remarks>
public interface ILineWebhookInbox
{
    /// <summary>
    /// Durably stores the new events of <paramref name="events"/> in one atomic step before returning. An event whose
    /// <see cref="LineInboxEvent.WebhookEventId"/> is already in the inbox (in any state) or earlier in the batch is a
    /// duplicate and is not stored again.
    /// </summary>
    ValueTask<LineInboxEnqueueResult> EnqueueAsync(IReadOnlyList<LineInboxEvent> events, CancellationToken cancellationToken);

    /// <summary>
    /// Leases up to <paramref name="max"/> due pending events, oldest due first, until now +
    /// <paramref name="leaseDuration"/>. Each lease counts as an attempt.
    /// </summary>
    ValueTask<IReadOnlyList<LineInboxEntry>> LeaseAsync(int max, TimeSpan leaseDuration, CancellationToken cancellationToken);

    /// <summary>
    /// Extends the lease of <paramref name="entry"/> while its holder still works on the event: the event is not leased
    /// again before now + <paramref name="leaseDuration"/> (a renewal never shortens a lease). Only the lease deadline
    /// changes: the attempt count, last error and any retry time stay as they are.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Returns <see langword="false"/>, changing nothing, when <paramref name="entry"/>'s lease is no longer the current
    /// one: the event was leased again after this lease expired, or it was completed, failed, released or
    /// dead-lettered. A lease that expired but was not taken by anyone else is still held and is renewed.
    /// </para>
    /// <para>
    /// The default implementation returns <see langword="false"/> without touching the store, meaning "not renewed":
    /// stores written before this member existed keep working, with leases that simply last the duration they were
    /// taken for. <see cref="LineWebhookInboxWorker"/> then stops renewing that lease.
    /// </para>
    /// </remarks>
    ValueTask<bool> RenewLeaseAsync(LineInboxEntry entry, TimeSpan leaseDuration, CancellationToken cancellationToken) =>
        ValueTask.FromResult(false);

    /// <summary>
    /// Marks the event completed; its ID is kept for deduplication and a durable store should drop its body, which may
    /// hold user data. Completes even when the lease has expired, since the work was done; does nothing if the event is
    /// no longer pending.
    /// </summary>
    ValueTask CompleteAsync(LineInboxEntry entry, CancellationToken cancellationToken);

    /// <summary>
    /// Records a failed attempt: the event becomes due again at <paramref name="retryAt"/>, or is dead-lettered when
    /// <paramref name="retryAt"/> is <see langword="null"/>. Does nothing if <paramref name="entry"/>'s lease is no
    /// longer the current one.
    /// </summary>
    ValueTask FailAsync(LineInboxEntry entry, string error, DateTimeOffset? retryAt, CancellationToken cancellationToken);

    /// <summary>
    /// Gives the lease back without counting the attempt (the work was cancelled, not failed): the event is due at
    /// once. Does nothing if <paramref name="entry"/>'s lease is no longer the current one.
    /// </summary>
    ValueTask ReleaseAsync(LineInboxEntry entry, CancellationToken cancellationToken);

    /// <summary>Returns up to <paramref name="max"/> dead letters, most recently dead-lettered first.</summary>
    ValueTask<IReadOnlyList<LineDeadLetter>> GetDeadLettersAsync(int max, CancellationToken cancellationToken);

    /// <summary>Returns the dead letter with that ID (to inspect its event and last error), or <see langword="null"/>.</summary>
    /// <remarks>The default throws <see cref="NotSupportedException"/>: a store written before this member existed.</remarks>
    ValueTask<LineDeadLetter?> GetDeadLetterAsync(string webhookEventId, CancellationToken cancellationToken) =>
        throw new NotSupportedException($"{GetType().Name} cannot look up one dead letter.");

    /// <summary>
    /// Makes a dead-lettered event pending again, due now, with its attempt count reset (for replay after a fix).
    /// Returns <see langword="false"/> when no dead letter has that ID.
    /// </summary>
    /// <remarks>
    /// LINE remembers an <c>X-Line-Retry-Key</c> for 24 hours: a handler replayed within a day of its first attempt
    /// re-sends with the same keys and LINE drops what it already accepted; replayed later, a push the first attempt
    /// made is delivered again.
    /// </remarks>
    ValueTask<bool> RequeueDeadLetterAsync(string webhookEventId, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes completed events completed before <paramref name="olderThan"/>; a redelivery of one of them afterwards
    /// is accepted as new. Returns how many were deleted.
    /// </summary>
    ValueTask<int> PurgeCompletedAsync(DateTimeOffset olderThan, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes dead letters dead-lettered before <paramref name="olderThan"/>, with the user data their bodies hold
    /// (<see cref="LineWebhookInboxOptions.DeadLetterRetention"/>). Returns how many were deleted.
    /// </summary>
    /// <remarks>The default throws <see cref="NotSupportedException"/>: a store written before this member existed.</remarks>
    ValueTask<int> PurgeDeadLettersAsync(DateTimeOffset olderThan, CancellationToken cancellationToken) =>
        throw new NotSupportedException($"{GetType().Name} cannot purge dead letters.");

    /// <summary>
    /// Deletes every event of <paramref name="destination"/>, in any state (an OA detached longer than the retention).
    /// Returns how many were deleted.
    /// </summary>
    /// <remarks>The default throws <see cref="NotSupportedException"/>: a store written before this member existed.</remarks>
    ValueTask<int> PurgeDestinationAsync(string destination, CancellationToken cancellationToken) =>
        throw new NotSupportedException($"{GetType().Name} cannot purge one destination's events.");

    /// <summary>Counts the events by state.</summary>
    ValueTask<LineInboxStatistics> GetStatisticsAsync(CancellationToken cancellationToken);
}
