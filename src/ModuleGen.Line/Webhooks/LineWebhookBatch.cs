using System;
using System.Collections.Generic;

namespace ModuleGen.Line.Webhooks;

/// <summary>
/// A webhook body read in one pass: the envelope's <c>destination</c>, every event with its raw JSON and its
/// deduplication key, and every problem found. Nothing in an event can make the body fail; see
/// <see cref="LineWebhookParser.ParseBatch(ReadOnlyMemory{byte}, string?, IReadOnlyCollection{string}, int)"/>.
/// </summary>
public sealed class LineWebhookBatch
{
    internal LineWebhookBatch(string? destination, IReadOnlyList<LineWebhookBatchEvent> events, IReadOnlyList<LineWebhookProblem> problems)
    {
        Destination = destination;
        Events = events;
        Problems = problems;
    }

    /// <summary>
    /// The envelope's <c>destination</c>: the bot user ID of the OA the events belong to. <see langword="null"/> when the
    /// body has none (or not as a non-empty string): the events then belong to an unknown tenant.
    /// </summary>
    public string? Destination { get; }

    /// <summary>The events, in the order of the body.</summary>
    public IReadOnlyList<LineWebhookBatchEvent> Events { get; }

    /// <summary>Every problem found, in the order of the body; empty for a body that matches the spec.</summary>
    public IReadOnlyList<LineWebhookProblem> Problems { get; }

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
}

/// <summary>One event of a <see cref="LineWebhookBatch"/>.</summary>
public sealed class LineWebhookBatchEvent
{
    internal LineWebhookBatchEvent(int index, Event webhookEvent, ReadOnlyMemory<byte> utf8Json, string deduplicationKey, IReadOnlyList<string> missingProperties)
    {
        Index = index;
        Event = webhookEvent;
        Utf8Json = utf8Json;
        DeduplicationKey = deduplicationKey;
        MissingProperties = missingProperties;
    }

    /// <summary>The event's position in the body's <c>events</c> array.</summary>
    public int Index { get; }

    /// <summary>The typed event: a known type, <see cref="UnknownEvent"/> for a type this version does not know, or
    /// <see cref="UnreadableEvent"/> when its JSON could not be read as its type.</summary>
    public Event Event { get; }

    /// <summary>The event's JSON exactly as received (a slice of the body).</summary>
    public ReadOnlyMemory<byte> Utf8Json { get; }

    /// <summary>
    /// The key that identifies this event across redeliveries: its <c>webhookEventId</c>, or — for events from before
    /// LINE sent one — a key derived from the destination and the event's raw bytes (see
    /// <see cref="LineWebhookParser.DeriveDeduplicationKey"/>).
    /// </summary>
    public string DeduplicationKey { get; }

    /// <summary>Whether <see cref="DeduplicationKey"/> was derived because the event has no <c>webhookEventId</c>.</summary>
    public bool IsDerivedKey => DeduplicationKey.StartsWith(LineWebhookParser.DerivedKeyPrefix, StringComparison.Ordinal);

    /// <summary>Required properties absent or null at any depth of the event, as <c>Type.property</c>.</summary>
    public IReadOnlyList<string> MissingProperties { get; }
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
