using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace ModuleGen.Line.Inbox;

/// <summary>
/// An <see cref="ILineWebhookInbox"/> held in process memory, for tests and local development. Not durable: everything is
/// lost with the process, so never use it behind a production endpoint.
/// </summary>
/// <remarks>
/// Thread-safe: every operation runs under one lock. Pending events are also kept in due order, so a lease takes the
/// first due ones without looking at completed or dead-lettered events (an endpoint under load stores thousands a
/// second while the worker leases a batch at a time).
/// </remarks>
public sealed class InMemoryLineWebhookInbox : ILineWebhookInbox
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, StoredEvent> _events = new(StringComparer.Ordinal);

    /// <summary>Exactly the pending events, ordered by <see cref="StoredEvent.DueAt"/> then arrival.</summary>
    private readonly SortedSet<StoredEvent> _pendingByDue = new(DueOrder.Instance);
    private readonly TimeProvider _timeProvider;
    private long _nextSequence;
    private long _leases;
    private int _completedCount;
    private int _deadLetteredCount;

    /// <summary>Creates an empty inbox.</summary>
    /// <param name="timeProvider">The clock; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    public InMemoryLineWebhookInbox(TimeProvider? timeProvider = null)
    {
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <inheritdoc />
    public ValueTask<LineInboxEnqueueResult> EnqueueAsync(IReadOnlyList<LineInboxEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        cancellationToken.ThrowIfCancellationRequested();
        if (events.Count == 0)
        {
            return ValueTask.FromResult(LineInboxEnqueueResult.Empty);
        }

        var outcomes = new LineInboxEnqueueOutcome[events.Count];
        lock (_lock)
        {
            var now = _timeProvider.GetUtcNow();
            for (var i = 0; i < events.Count; i++)
            {
                var inboxEvent = events[i];
                ArgumentNullException.ThrowIfNull(inboxEvent, nameof(events));
                var stored = new StoredEvent(inboxEvent, _nextSequence, now);
                var isDuplicate = !_events.TryAdd(inboxEvent.WebhookEventId, stored);
                if (!isDuplicate)
                {
                    _nextSequence++;
                    _pendingByDue.Add(stored);
                }

                outcomes[i] = new LineInboxEnqueueOutcome(inboxEvent.WebhookEventId, isDuplicate);
            }
        }

        return ValueTask.FromResult(new LineInboxEnqueueResult(outcomes));
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<LineInboxEntry>> LeaseAsync(int max, TimeSpan leaseDuration, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(leaseDuration, TimeSpan.Zero);
        cancellationToken.ThrowIfCancellationRequested();

        lock (_lock)
        {
            var now = _timeProvider.GetUtcNow();
            var leasedUntil = now + leaseDuration;
            var leased = new List<LineInboxEntry>(Math.Min(max, _pendingByDue.Count));
            while (leased.Count < max && _pendingByDue.Min is { } stored && stored.DueAt <= now)
            {
                stored.Attempts++;
                // Unique within the inbox, which is all a lease token must be here (nothing outlives the process).
                stored.LeaseToken = (++_leases).ToString(CultureInfo.InvariantCulture);
                Reschedule(stored, leasedUntil);
                leased.Add(new LineInboxEntry(
                    stored.Event!, stored.Attempts, stored.LeaseToken, stored.ReceivedAt, leasedUntil, stored.LastError));
            }

            return ValueTask.FromResult<IReadOnlyList<LineInboxEntry>>(leased);
        }
    }

    /// <inheritdoc />
    public ValueTask<bool> RenewLeaseAsync(LineInboxEntry entry, TimeSpan leaseDuration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(leaseDuration, TimeSpan.Zero);
        cancellationToken.ThrowIfCancellationRequested();

        lock (_lock)
        {
            if (!TryGetCurrentLease(entry, out var stored))
            {
                return ValueTask.FromResult(false);
            }

            var leasedUntil = _timeProvider.GetUtcNow() + leaseDuration;
            if (leasedUntil > stored.DueAt)
            {
                Reschedule(stored, leasedUntil);
            }

            return ValueTask.FromResult(true);
        }
    }

    /// <inheritdoc />
    public ValueTask CompleteAsync(LineInboxEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        cancellationToken.ThrowIfCancellationRequested();

        lock (_lock)
        {
            Complete(entry, _timeProvider.GetUtcNow());
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask FailAsync(LineInboxEntry entry, string error, DateTimeOffset? retryAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(error);
        cancellationToken.ThrowIfCancellationRequested();

        lock (_lock)
        {
            if (TryGetCurrentLease(entry, out var stored))
            {
                stored.LastError = error;
                stored.LeaseToken = null;
                if (retryAt is { } due)
                {
                    Reschedule(stored, due);
                }
                else
                {
                    _pendingByDue.Remove(stored);
                    _deadLetteredCount++;
                    stored.State = LineInboxEventState.DeadLettered;
                    stored.FinishedAt = _timeProvider.GetUtcNow();
                }
            }
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask ReleaseAsync(LineInboxEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        cancellationToken.ThrowIfCancellationRequested();

        lock (_lock)
        {
            if (TryGetCurrentLease(entry, out var stored))
            {
                stored.Attempts--;
                stored.LeaseToken = null;
                Reschedule(stored, _timeProvider.GetUtcNow());
            }
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<LineDeadLetter>> GetDeadLettersAsync(int max, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        cancellationToken.ThrowIfCancellationRequested();

        lock (_lock)
        {
            IReadOnlyList<LineDeadLetter> deadLetters = _events.Values
                .Where(e => e.State == LineInboxEventState.DeadLettered)
                .OrderByDescending(e => e.FinishedAt)
                .ThenByDescending(e => e.Sequence)
                .Take(max)
                .Select(ToDeadLetter)
                .ToList();
            return ValueTask.FromResult(deadLetters);
        }
    }

    /// <inheritdoc />
    public ValueTask<LineDeadLetter?> GetDeadLetterAsync(string webhookEventId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(webhookEventId);
        cancellationToken.ThrowIfCancellationRequested();

        lock (_lock)
        {
            return ValueTask.FromResult(
                _events.TryGetValue(webhookEventId, out var stored) && stored.State == LineInboxEventState.DeadLettered
                    ? ToDeadLetter(stored)
                    : null);
        }
    }

    /// <inheritdoc />
    public ValueTask<bool> RequeueDeadLetterAsync(string webhookEventId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(webhookEventId);
        cancellationToken.ThrowIfCancellationRequested();

        lock (_lock)
        {
            if (!_events.TryGetValue(webhookEventId, out var stored)
                || stored.State != LineInboxEventState.DeadLettered)
            {
                return ValueTask.FromResult(false);
            }

            _deadLetteredCount--;
            stored.State = LineInboxEventState.Pending;
            stored.Attempts = 0;
            stored.DueAt = _timeProvider.GetUtcNow();
            _pendingByDue.Add(stored);
            return ValueTask.FromResult(true);
        }
    }

    /// <inheritdoc />
    public ValueTask<int> PurgeCompletedAsync(DateTimeOffset olderThan, CancellationToken cancellationToken) =>
        Purge(e => e.State == LineInboxEventState.Completed && e.FinishedAt < olderThan, cancellationToken);

    /// <inheritdoc />
    public ValueTask<int> PurgeDeadLettersAsync(DateTimeOffset olderThan, CancellationToken cancellationToken) =>
        Purge(e => e.State == LineInboxEventState.DeadLettered && e.FinishedAt < olderThan, cancellationToken);

    /// <inheritdoc />
    public ValueTask<int> PurgeDestinationAsync(string destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(destination);
        return Purge(e => string.Equals(e.Destination, destination, StringComparison.Ordinal), cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<LineInboxStatistics> GetStatisticsAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();

        lock (_lock)
        {
            // Only the pending events are looked at: finished ones are counted as they finish, so the worker's backlog
            // gauge does not hold the lock over every event ever stored while requests wait for it.
            var now = _timeProvider.GetUtcNow();
            int pending = 0, inFlight = 0;
            DateTimeOffset? oldestPending = null;
            foreach (var stored in _pendingByDue)
            {
                if (stored.LeaseToken is not null && stored.DueAt > now)
                {
                    inFlight++;
                }
                else
                {
                    pending++;
                }

                if (oldestPending is null || stored.ReceivedAt < oldestPending)
                {
                    oldestPending = stored.ReceivedAt;
                }
            }

            int completed = _completedCount, deadLettered = _deadLetteredCount;
            return ValueTask.FromResult(new LineInboxStatistics(pending, inFlight, completed, deadLettered, oldestPending));
        }
    }

    private static LineDeadLetter ToDeadLetter(StoredEvent stored) =>
        new(stored.Event!, stored.Attempts, stored.ReceivedAt, stored.FinishedAt, stored.LastError);

    private ValueTask<int> Purge(Func<StoredEvent, bool> isExpired, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();

        lock (_lock)
        {
            var expired = _events.Values.Where(isExpired).ToList();
            foreach (var stored in expired)
            {
                _events.Remove(stored.WebhookEventId);
                switch (stored.State)
                {
                    case LineInboxEventState.Pending:
                        _pendingByDue.Remove(stored);
                        break;
                    case LineInboxEventState.Completed:
                        _completedCount--;
                        break;
                    case LineInboxEventState.DeadLettered:
                        _deadLetteredCount--;
                        break;
                }
            }

            return ValueTask.FromResult(expired.Count);
        }
    }

    private void Complete(LineInboxEntry entry, DateTimeOffset now)
    {
        if (_events.TryGetValue(entry.Event.WebhookEventId, out var stored)
            && stored.State == LineInboxEventState.Pending)
        {
            _pendingByDue.Remove(stored);
            _completedCount++;
            stored.State = LineInboxEventState.Completed;
            stored.FinishedAt = now;
            stored.LeaseToken = null;

            // Like a durable store, keep only what deduplication and purging need: the body may hold user data, and
            // an endpoint under load would otherwise keep every body it ever stored alive for the collector to trace.
            stored.Event = null;
            stored.LastError = null;
        }
    }

    /// <summary>Moves a pending event to its new place in the due order (the set must never see a key change in place).</summary>
    private void Reschedule(StoredEvent stored, DateTimeOffset dueAt)
    {
        _pendingByDue.Remove(stored);
        stored.DueAt = dueAt;
        _pendingByDue.Add(stored);
    }

    private bool TryGetCurrentLease(LineInboxEntry entry, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out StoredEvent? stored)
    {
        return _events.TryGetValue(entry.Event.WebhookEventId, out stored)
            && stored.State == LineInboxEventState.Pending
            && string.Equals(stored.LeaseToken, entry.LeaseToken, StringComparison.Ordinal);
    }

    /// <summary>Due time, then arrival: the order events are leased in. Sequences are unique, so no two events compare equal.</summary>
    private sealed class DueOrder : IComparer<StoredEvent>
    {
        public static readonly DueOrder Instance = new();

        public int Compare(StoredEvent? x, StoredEvent? y)
        {
            var byDue = x!.DueAt.CompareTo(y!.DueAt);
            return byDue != 0 ? byDue : x.Sequence.CompareTo(y.Sequence);
        }
    }

    /// <summary>The mutable state of one event; only touched under <see cref="_lock"/>.</summary>
    private sealed class StoredEvent(LineInboxEvent inboxEvent, long sequence, DateTimeOffset receivedAt)
    {
        public string WebhookEventId { get; } = inboxEvent.WebhookEventId;

        public string Destination { get; } = inboxEvent.Destination;

        /// <summary>The event; <see langword="null"/> once completed (only the ID is kept, for deduplication).</summary>
        public LineInboxEvent? Event { get; set; } = inboxEvent;

        public long Sequence { get; } = sequence;

        public DateTimeOffset ReceivedAt { get; } = receivedAt;

        public LineInboxEventState State { get; set; } = LineInboxEventState.Pending;

        /// <summary>When a pending event may next be leased: its retry time, or its lease's expiry while leased.</summary>
        public DateTimeOffset DueAt { get; set; } = receivedAt;

        public int Attempts { get; set; }

        public string? LeaseToken { get; set; }

        public string? LastError { get; set; }

        public DateTimeOffset FinishedAt { get; set; }
    }
}
