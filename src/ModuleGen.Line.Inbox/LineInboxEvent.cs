using System;

namespace ModuleGen.Line.Inbox;

/// <summary>
/// One webhook event as LINE sent it: the identifiers the inbox needs plus the raw UTF-8 JSON of the event object.
/// </summary>
/// <remarks>
/// Immutable: the constructor copies <see cref="EventJson"/>, so a caller reusing its buffer cannot change a stored
/// event. Deliberately not a record: value equality over a byte buffer would compare references, not bytes, and a
/// <c>with</c> expression would bypass the validation and the copy.
/// </remarks>
public sealed class LineInboxEvent
{
    /// <summary>Creates an event.</summary>
    /// <param name="destination">The envelope's <c>destination</c>: the user ID of the bot the event belongs to.</param>
    /// <param name="webhookEventId">The event's <c>webhookEventId</c> (a ULID); the deduplication key.</param>
    /// <param name="eventType">The event's <c>type</c>, e.g. <c>message</c>.</param>
    /// <param name="timestamp">The event's <c>timestamp</c> in Unix milliseconds.</param>
    /// <param name="isRedelivery">The event's <c>deliveryContext.isRedelivery</c>.</param>
    /// <param name="eventJson">The raw UTF-8 JSON of the single event object.</param>
    public LineInboxEvent(
        string destination,
        string webhookEventId,
        string eventType,
        long timestamp,
        bool isRedelivery,
        ReadOnlyMemory<byte> eventJson)
    {
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentException.ThrowIfNullOrEmpty(webhookEventId);
        ArgumentException.ThrowIfNullOrEmpty(eventType);
        if (eventJson.IsEmpty)
        {
            throw new ArgumentException("The event JSON must not be empty.", nameof(eventJson));
        }

        Destination = destination;
        WebhookEventId = webhookEventId;
        EventType = eventType;
        Timestamp = timestamp;
        IsRedelivery = isRedelivery;
        EventJson = eventJson.ToArray();
    }

    /// <summary>The user ID of the bot the event belongs to (the envelope's <c>destination</c>).</summary>
    public string Destination { get; }

    /// <summary>The event's <c>webhookEventId</c>; unchanged across redeliveries, so it is the deduplication key.</summary>
    public string WebhookEventId { get; }

    /// <summary>The event's <c>type</c>.</summary>
    public string EventType { get; }

    /// <summary>The event's <c>timestamp</c> in Unix milliseconds. Events can arrive out of order; order by this.</summary>
    public long Timestamp { get; }

    /// <summary>Whether LINE marked this delivery as a redelivery.</summary>
    public bool IsRedelivery { get; }

    /// <summary>The raw UTF-8 JSON of the event object. May contain user data: never log it.</summary>
    public ReadOnlyMemory<byte> EventJson { get; }
}
