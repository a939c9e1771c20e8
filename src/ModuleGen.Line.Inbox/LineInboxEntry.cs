using System;

namespace ModuleGen.Line.Inbox;

/// <summary>An event leased from an <see cref="ILineWebhookInbox"/>: the caller owns it until <see cref="LeasedUntil"/>.</summary>
/// <remarks>Immutable snapshot taken at lease time; the store does not change it afterwards.</remarks>
public sealed class LineInboxEntry
{
    /// <summary>Creates an entry. Called by <see cref="ILineWebhookInbox"/> implementations.</summary>
    public LineInboxEntry(
        LineInboxEvent @event,
        int attempt,
        string leaseToken,
        DateTimeOffset firstReceivedAt,
        DateTimeOffset leasedUntil,
        string? lastError)
    {
        ArgumentNullException.ThrowIfNull(@event);
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 1);
        ArgumentException.ThrowIfNullOrEmpty(leaseToken);

        Event = @event;
        Attempt = attempt;
        LeaseToken = leaseToken;
        FirstReceivedAt = firstReceivedAt;
        LeasedUntil = leasedUntil;
        LastError = lastError;
    }

    /// <summary>The event.</summary>
    public LineInboxEvent Event { get; }

    /// <summary>
    /// Which delivery attempt this lease is, starting at 1. Every lease counts, including one that expired because the
    /// process died, so an event that crashes the process cannot be retried forever.
    /// </summary>
    public int Attempt { get; }

    /// <summary>The store's opaque proof of this lease; a newer lease of the same event has a different token.</summary>
    public string LeaseToken { get; }

    /// <summary>When the inbox first stored the event.</summary>
    public DateTimeOffset FirstReceivedAt { get; }

    /// <summary>
    /// When the lease expires and the event becomes due again, as taken; <see cref="ILineWebhookInbox.RenewLeaseAsync"/>
    /// moves the deadline in the store, not here.
    /// </summary>
    public DateTimeOffset LeasedUntil { get; }

    /// <summary>The error recorded by the previous failed attempt, if any.</summary>
    public string? LastError { get; }
}
