using System;

namespace ModuleGen.Line.Inbox;

/// <summary>How <see cref="LineWebhookInboxWorker"/> leases, retries and dead-letters events.</summary>
public sealed class LineWebhookInboxOptions
{
    /// <summary>
    /// How many attempts an event gets before it is dead-lettered. An attempt whose lease expired (the process died
    /// while handling it) counts too. Default 8.
    /// </summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>
    /// The delay ceiling after the first failure; it doubles with each further failure up to
    /// <see cref="RetryMaxDelay"/>, and the actual delay is drawn uniformly below it ("full jitter"). Default 2 s.
    /// </summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The largest delay between two attempts. Default 5 min.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long a leased event belongs to the worker unless renewed. The worker renews the lease every third of this
    /// while the event is being handled, so this bounds how long the events of a worker that died or froze wait, not how
    /// long a handler may take. With a store that cannot renew leases (<see cref="ILineWebhookInbox.RenewLeaseAsync"/>
    /// returns <see langword="false"/>), handling that takes longer lets another lease of the same event happen, so keep
    /// it well above the slowest handling. Default 5 min.
    /// </summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How many events one lease takes. Default 32.</summary>
    public int BatchSize { get; set; } = 32;

    /// <summary>How many events of a batch are handled at the same time. Default 1 (one after another).</summary>
    public int MaxDegreeOfParallelism { get; set; } = 1;

    /// <summary>
    /// How long the worker waits for due events when nothing wakes it; <see cref="ILineWebhookInboxSignal"/> wakes it at
    /// once after an enqueue. Default 1 s.
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long completed event IDs are kept to recognise redeliveries; LINE redelivers for far less. Default 7 days.
    /// </summary>
    public TimeSpan CompletedRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// How long dead letters are kept before the worker deletes them, or <see langword="null"/> (the default) to keep
    /// them until an operator requeues them. A dead letter keeps the event's body, which may hold user message text;
    /// completed events drop their body at once and pending ones when handled, so this bounds how long the inbox
    /// retains user message text.
    /// </summary>
    public TimeSpan? DeadLetterRetention { get; set; }

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxAttempts, 1, nameof(MaxAttempts));
        ArgumentOutOfRangeException.ThrowIfLessThan(RetryBaseDelay, TimeSpan.Zero, nameof(RetryBaseDelay));
        ArgumentOutOfRangeException.ThrowIfLessThan(RetryMaxDelay, RetryBaseDelay, nameof(RetryMaxDelay));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(LeaseDuration, TimeSpan.Zero, nameof(LeaseDuration));
        ArgumentOutOfRangeException.ThrowIfLessThan(BatchSize, 1, nameof(BatchSize));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxDegreeOfParallelism, 1, nameof(MaxDegreeOfParallelism));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(PollInterval, TimeSpan.Zero, nameof(PollInterval));
        ArgumentOutOfRangeException.ThrowIfLessThan(CompletedRetention, TimeSpan.Zero, nameof(CompletedRetention));
        if (DeadLetterRetention is { } deadLetterRetention)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(deadLetterRetention, TimeSpan.Zero, nameof(DeadLetterRetention));
        }
    }
}
