using System;

namespace ModuleGen.Line.Inbox;

/// <summary>When <see cref="LineWebhookInboxHealthCheck"/> reports the inbox as degraded.</summary>
public sealed class LineWebhookInboxHealthCheckOptions
{
    /// <summary>
    /// How long the oldest unfinished event may have been stored before the inbox is degraded: the worker is down,
    /// stuck, or an event keeps failing. It counts from when the event was first stored, so time spent waiting for a
    /// retry counts too. Default 5 min.
    /// </summary>
    public TimeSpan MaxOldestPendingAge { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How many unfinished events (pending and in flight) the inbox may hold before it is degraded: handling does not
    /// keep up with what LINE sends. Default 1000.
    /// </summary>
    public int MaxBacklog { get; set; } = 1000;

    /// <summary>
    /// How many dead letters the inbox may hold before it is degraded. Default 0: any dead letter needs an operator
    /// (<see cref="ILineWebhookInbox.GetDeadLettersAsync"/>, <see cref="ILineWebhookInbox.RequeueDeadLetterAsync"/>).
    /// </summary>
    public int MaxDeadLettered { get; set; }

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxOldestPendingAge, TimeSpan.Zero, nameof(MaxOldestPendingAge));
        ArgumentOutOfRangeException.ThrowIfNegative(MaxBacklog, nameof(MaxBacklog));
        ArgumentOutOfRangeException.ThrowIfNegative(MaxDeadLettered, nameof(MaxDeadLettered));
    }
}
