using System;

namespace ModuleGen.Line.Inbox;

/// <summary>An event the inbox gave up on; it stays until an operator requeues it.</summary>
/// <remarks>Immutable snapshot.</remarks>
public sealed class LineDeadLetter
{
    /// <summary>Creates a dead letter. Called by <see cref="ILineWebhookInbox"/> implementations.</summary>
    public LineDeadLetter(
        LineInboxEvent @event,
        int attempts,
        DateTimeOffset firstReceivedAt,
        DateTimeOffset deadLetteredAt,
        string? lastError)
    {
        ArgumentNullException.ThrowIfNull(@event);

        Event = @event;
        Attempts = attempts;
        FirstReceivedAt = firstReceivedAt;
        DeadLetteredAt = deadLetteredAt;
        LastError = lastError;
    }

    /// <summary>The event.</summary>
    public LineInboxEvent Event { get; }

    /// <summary>How many times the event was leased before it was dead-lettered.</summary>
    public int Attempts { get; }

    /// <summary>When the inbox first stored the event.</summary>
    public DateTimeOffset FirstReceivedAt { get; }

    /// <summary>When the event was dead-lettered.</summary>
    public DateTimeOffset DeadLetteredAt { get; }

    /// <summary>The error of the last attempt.</summary>
    public string? LastError { get; }
}
