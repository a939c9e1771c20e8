using System;
using System.Collections.Generic;
using System.Threading;

namespace ModuleGen.Line.Webhooks;

/// <summary>
/// A webhook body read in one pass: the envelope's <c>destination</c>, every event with its raw JSON, its deduplication
/// key and the members an inbox stores, and every problem found. Nothing in an event can make the body fail; see
/// <see cref="LineWebhookParser.ParseBatch(ReadOnlyMemory{byte}, string?, IReadOnlyCollection{string}, int)"/>.
/// </summary>
/// <remarks>
/// The pass reads only the top-level members every event shares; an event is read as its type when its
/// <see cref="LineWebhookBatchEvent.Event"/> (or <see cref="LineWebhookBatchEvent.MissingProperties"/>, or the
/// batch's <see cref="Problems"/>) is first asked for, so an endpoint that only stores events never pays for typing
/// them. Reading is safe from several threads at once.
/// </remarks>
public sealed class LineWebhookBatch
{
    private readonly LineWebhookProblem? _destinationProblem;
    private IReadOnlyList<LineWebhookProblem>? _problems;

    internal LineWebhookBatch(string? destination, IReadOnlyList<LineWebhookBatchEvent> events, LineWebhookProblem? destinationProblem)
    {
        Destination = destination;
        Events = events;
        _destinationProblem = destinationProblem;
    }

    /// <summary>
    /// The envelope's <c>destination</c>: the bot user ID of the OA the events belong to. <see langword="null"/> when the
    /// body has none (or not as a non-empty string): the events then belong to an unknown tenant.
    /// </summary>
    public string? Destination { get; }

    /// <summary>The events, in the order of the body.</summary>
    public IReadOnlyList<LineWebhookBatchEvent> Events { get; }

    /// <summary>
    /// Every problem found, in the order of the body; empty for a body that matches the spec. Asking for it reads every
    /// event as its type.
    /// </summary>
    public IReadOnlyList<LineWebhookProblem> Problems => _problems ??= FindProblems();

    /// <summary>The batch as the generated envelope model (a <see langword="null"/> destination becomes empty).</summary>
    public CallbackRequest ToCallbackRequest()
    {
        var events = new List<Event>(Events.Count);
        foreach (var item in Events)
        {
            events.Add(item.Event);
        }

        return new CallbackRequest { Destination = Destination ?? string.Empty, Events = events };
    }

    private List<LineWebhookProblem> FindProblems()
    {
        var problems = new List<LineWebhookProblem>();
        if (_destinationProblem is not null)
        {
            problems.Add(_destinationProblem);
        }

        foreach (var item in Events)
        {
            if (item.Event is UnreadableEvent unreadable)
            {
                problems.Add(new LineWebhookProblem(LineWebhookProblemKind.EventUnreadable, unreadable.JsonPath, unreadable.Reason));
            }

            foreach (var property in item.MissingProperties)
            {
                problems.Add(new LineWebhookProblem(
                    LineWebhookProblemKind.RequiredPropertyMissing, LineWebhookParser.EventPath(item.Index), property));
            }
        }

        return problems;
    }
}

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

/// <summary>What kind of problem a <see cref="LineWebhookProblem"/> is.</summary>
public enum LineWebhookProblemKind
{
    /// <summary>The envelope has no usable <c>destination</c>: its events belong to an unknown tenant.</summary>
    DestinationMissing,

    /// <summary>An event could not be read as its type; it is an <see cref="UnreadableEvent"/>.</summary>
    EventUnreadable,

    /// <summary>A property the spec requires is absent or null; the event is typed all the same.</summary>
    RequiredPropertyMissing,
}

/// <summary>One problem of a webhook body: where (a JSON path) and what.</summary>
/// <param name="Kind">The kind of problem.</param>
/// <param name="JsonPath">Where it is, e.g. <c>$.events[1]</c> or <c>$.destination</c>.</param>
/// <param name="Message">What is wrong; for a missing property, <c>Type.property</c>.</param>
public sealed record LineWebhookProblem(LineWebhookProblemKind Kind, string JsonPath, string Message);
