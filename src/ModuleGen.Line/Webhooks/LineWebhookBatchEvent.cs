using System;
using System.Collections.Generic;
using System.Threading;

namespace ModuleGen.Line.Webhooks;

/// <summary>One event of a <see cref="LineWebhookBatch"/>.</summary>
public sealed class LineWebhookBatchEvent
{
    private readonly LineWebhookEventFields _fields;
    private IReadOnlyList<string>? _missingProperties;
    private Event? _event;

    /// <summary>An event whose key is its <c>webhookEventId</c>, or empty until the parser derives one.</summary>
    internal LineWebhookBatchEvent(int index, ReadOnlyMemory<byte> utf8Json, LineWebhookEventFields fields)
    {
        Index = index;
        Utf8Json = utf8Json;
        DeduplicationKey = fields.WebhookEventId ?? string.Empty;
        _fields = fields;
    }

    /// <summary>The event's position in the body's <c>events</c> array.</summary>
    public int Index { get; }

    /// <summary>The typed event: a known type, <see cref="UnknownEvent"/> for a type this version does not know, or
    /// <see cref="UnreadableEvent"/> when its JSON could not be read as its type. Read on first use.</summary>
    public Event Event
    {
        get
        {
            if (Volatile.Read(ref _event) is { } read)
            {
                return read;
            }

            // Two threads racing here read the same bytes to equal results; either may win.
            var webhookEvent = LineWebhookParser.ReadEvent(Utf8Json, Index, utf8Checked: true, out var missing);
            _missingProperties = missing;
            Volatile.Write(ref _event, webhookEvent);
            return webhookEvent;
        }
    }

    /// <summary>The event's JSON exactly as received (a slice of the body).</summary>
    public ReadOnlyMemory<byte> Utf8Json { get; }

    /// <summary>
    /// The key that identifies this event across redeliveries: its <c>webhookEventId</c>, or — for events from before
    /// LINE sent one — a key derived from the destination and the event's raw bytes (see
    /// <see cref="LineWebhookParser.DeriveDeduplicationKey"/>).
    /// </summary>
    public string DeduplicationKey { get; internal set; }

    /// <summary>Whether <see cref="DeduplicationKey"/> was derived because the event has no <c>webhookEventId</c>.</summary>
    public bool IsDerivedKey => DeduplicationKey.StartsWith(LineWebhookParser.DerivedKeyPrefix, StringComparison.Ordinal);

    /// <summary>
    /// The event's top-level <c>type</c> as sent, without typing the event; empty when it has none (or not as a string,
    /// or the event is not an object).
    /// </summary>
    public string Type => _fields.Type ?? string.Empty;

    /// <summary>The event's top-level <c>timestamp</c> in Unix milliseconds, without typing the event; 0 when it has none
    /// that is an integer.</summary>
    public long Timestamp => _fields.Timestamp.GetValueOrDefault();

    /// <summary>The event's <c>deliveryContext.isRedelivery</c>, without typing the event; false when absent.</summary>
    public bool IsRedelivery => _fields.IsRedelivery;

    /// <summary>Required properties absent or null at any depth of the event, as <c>Type.property</c>. Asking for it reads
    /// the event as its type.</summary>
    public IReadOnlyList<string> MissingProperties
    {
        get
        {
            _ = Event;
            return _missingProperties!;
        }
    }
}
