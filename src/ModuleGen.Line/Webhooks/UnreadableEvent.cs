using System;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using ModuleGen.Line.Runtime;

namespace ModuleGen.Line.Webhooks;

/// <summary>
/// An event of a webhook body that could not be read as its type: a member of the wrong JSON type (a string where the
/// spec has an object, <c>1.5</c> where it has an integer), or an element of <c>events</c> that is not an object. It
/// keeps the raw JSON, where reading failed and why; it is stored and handed to the catch-all <see cref="Event"/>
/// handler like any other event, and it never costs the other events of its batch.
/// </summary>
/// <remarks>
/// The members every event shares (<see cref="Event.Type"/>, <see cref="Event.WebhookEventId"/>,
/// <see cref="Event.Timestamp"/>, <see cref="Event.Mode"/>, <see cref="Event.ReplyToken"/>) are filled in when they
/// could be read from the top level of the object; otherwise they are empty or default.
/// </remarks>
public sealed class UnreadableEvent : Event
{
    /// <summary>Creates an unreadable event.</summary>
    /// <param name="utf8Json">The event's JSON exactly as received.</param>
    /// <param name="jsonPath">Where reading failed, as a JSON path (e.g. <c>$.events[2].message.id</c>).</param>
    /// <param name="reason">Why reading failed.</param>
    [SetsRequiredMembers]
    public UnreadableEvent(ReadOnlyMemory<byte> utf8Json, string jsonPath, string reason)
        : this(LineWebhookEventFields.Scan(utf8Json.Span), utf8Json, jsonPath, reason)
    {
    }

    [SetsRequiredMembers]
    private UnreadableEvent(LineWebhookEventFields fields, ReadOnlyMemory<byte> utf8Json, string jsonPath, string reason)
        : base(fields.Type ?? string.Empty)
    {
        ArgumentNullException.ThrowIfNull(jsonPath);
        ArgumentNullException.ThrowIfNull(reason);
        Utf8Json = utf8Json.ToArray();
        JsonPath = jsonPath;
        Reason = reason;
        WebhookEventId = fields.WebhookEventId!;
        Timestamp = fields.Timestamp.GetValueOrDefault();
        Mode = fields.Mode is { } mode ? new EventMode(mode) : default;
        ReplyToken = fields.ReplyToken;
        DeliveryContext = null!;
    }

    /// <summary>The event's JSON exactly as received; also what <see cref="WriteJson"/> writes.</summary>
    public ReadOnlyMemory<byte> Utf8Json { get; }

    /// <summary>Where reading failed, as a JSON path.</summary>
    public string JsonPath { get; }

    /// <summary>Why reading failed.</summary>
    public string Reason { get; }

    /// <summary>Writes the event exactly as it was received.</summary>
    public override void WriteJson(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteRawValue(Utf8Json.Span, skipInputValidation: false);
    }

    /// <summary>What was received is not this library's to check.</summary>
    private protected override void ValidateProperties()
    {
    }

    /// <inheritdoc />
    public override string ToString() => $"UnreadableEvent '{Type}' at {JsonPath}: {Reason}";
}
