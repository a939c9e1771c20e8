using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using ModuleGen.Line.Runtime;

namespace ModuleGen.Line.Webhooks;

/// <summary>
/// Turns the raw bytes of a webhook request into events: size limit, signature, then JSON, read the way LINE's
/// payloads need — liberally. Only a body that is not JSON, not a JSON object, or whose <c>events</c> member is absent
/// or not an array is rejected (a <see cref="LineWebhookException"/>; nothing else escapes for any input). Inside
/// that, nothing fails: a missing <c>destination</c> gives an unknown tenant, a required property that is absent or
/// null is reported and the event still typed, an event that cannot be read as its type becomes an
/// <see cref="UnreadableEvent"/> with its path and reason, and event types, message types, source types and enum
/// values this version does not know read as the <c>Unknown…</c> types and open-enum values that keep what LINE sent.
/// </summary>
public static class LineWebhookParser
{
    /// <summary>The default body size limit: 1 MiB, far above any batch LINE sends.</summary>
    public const int DefaultMaxBodyBytes = 1024 * 1024;

    /// <summary>
    /// How deep JSON may nest. LINE's deepest event is about 6 levels; the limit keeps hostile nesting from costing
    /// stack or time.
    /// </summary>
    public const int MaxDepth = 64;

    /// <summary>The prefix of a deduplication key derived for an event without <c>webhookEventId</c>.</summary>
    public const string DerivedKeyPrefix = "derived-";

    private static readonly JsonReaderOptions ReaderOptions = new()
    {
        MaxDepth = MaxDepth,
        CommentHandling = JsonCommentHandling.Disallow,
        AllowTrailingCommas = false,
    };

    /// <summary>Checks the size and the signature of <paramref name="body"/>, then reads it.</summary>
    /// <param name="body">The request body exactly as received.</param>
    /// <param name="signature">The <c>x-line-signature</c> header value; <see langword="null"/> when absent.</param>
    /// <param name="channelSecrets">The channel secrets accepted (several during a rotation); at least one.</param>
    /// <param name="maxBodyBytes">The largest body accepted.</param>
    /// <returns>The envelope; events that could not be read as their type are <see cref="UnreadableEvent"/>s.</returns>
    /// <exception cref="LineWebhookException">The body is too large, unsigned, wrongly signed, not JSON, not an object,
    /// or has no <c>events</c> array.</exception>
    /// <exception cref="ArgumentException"><paramref name="channelSecrets"/> is empty (a configuration error).</exception>
    public static CallbackRequest Parse(
        ReadOnlySpan<byte> body,
        string? signature,
        IReadOnlyCollection<string> channelSecrets,
        int maxBodyBytes = DefaultMaxBodyBytes)
    {
        CheckSize(body, maxBodyBytes);
        VerifySignature(body, signature, channelSecrets);
        return ReadCallbackRequest(body);
    }

    /// <summary>Reads a body whose signature was already checked (or that never had one, such as a test fixture).</summary>
    /// <exception cref="LineWebhookException">The body is too large, not JSON, not an object, or has no <c>events</c> array.</exception>
    public static CallbackRequest ParseUnverified(ReadOnlySpan<byte> body, int maxBodyBytes = DefaultMaxBodyBytes)
    {
        CheckSize(body, maxBodyBytes);
        return ReadCallbackRequest(body);
    }

    /// <summary>
    /// Checks the size and the signature of <paramref name="body"/>, then reads it in one pass into events with their
    /// raw JSON (slices of <paramref name="body"/>, which must not change afterwards), deduplication keys and problems.
    /// </summary>
    /// <exception cref="LineWebhookException">As for <see cref="Parse"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="channelSecrets"/> is empty (a configuration error).</exception>
    public static LineWebhookBatch ParseBatch(
        ReadOnlyMemory<byte> body,
        string? signature,
        IReadOnlyCollection<string> channelSecrets,
        int maxBodyBytes = DefaultMaxBodyBytes)
    {
        CheckSize(body.Span, maxBodyBytes);
        VerifySignature(body.Span, signature, channelSecrets);
        return ReadBatch(body);
    }

    /// <summary>As <see cref="ParseBatch"/>, for a body whose signature was already checked.</summary>
    /// <exception cref="LineWebhookException">As for <see cref="ParseUnverified"/>.</exception>
    public static LineWebhookBatch ParseBatchUnverified(ReadOnlyMemory<byte> body, int maxBodyBytes = DefaultMaxBodyBytes)
    {
        CheckSize(body.Span, maxBodyBytes);
        return ReadBatch(body);
    }

    /// <summary>
    /// Reads the JSON of one event, as an inbox stores it. Never throws: JSON that cannot be read as its event type
    /// (or is not an object, or not JSON) gives an <see cref="UnreadableEvent"/>.
    /// </summary>
    public static Event ParseEvent(ReadOnlySpan<byte> eventJson)
        => ReadEvent(eventJson.ToArray(), -1, utf8Checked: false, out _);

    /// <summary>
    /// As <see cref="ParseEvent(ReadOnlySpan{byte})"/>, without copying <paramref name="eventJson"/> first (it must not
    /// change while the event is read), and telling which required properties were absent or null.
    /// </summary>
    /// <param name="eventJson">The JSON of one event, as an inbox stores it.</param>
    /// <param name="missingProperties">Required properties absent or null at any depth of the event, as <c>Type.property</c>.</param>
    public static Event ParseEvent(ReadOnlyMemory<byte> eventJson, out IReadOnlyList<string> missingProperties)
        => ReadEvent(eventJson, -1, utf8Checked: false, out missingProperties);

    /// <summary>
    /// The deduplication key of an event that has no <c>webhookEventId</c> (LINE's events from before it sent one):
    /// <c>derived-</c> and 32 hex digits of the SHA-256 of the destination and of every top-level member of the event
    /// as received except <c>deliveryContext</c> (which a redelivery changes). The same event redelivered gives the
    /// same key; two events that differ in any other byte (timestamp, reply token, message ID) give different keys.
    /// </summary>
    public static string DeriveDeduplicationKey(string? destination, ReadOnlySpan<byte> eventJson)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(destination ?? string.Empty));
        hash.AppendData([0]);
        var reader = new Utf8JsonReader(eventJson, ReaderOptions);
        var hashedMembers = false;
        try
        {
            if (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
            {
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var start = checked((int)reader.TokenStartIndex);
                    var skip = reader.ValueTextEquals("deliveryContext"u8);
                    reader.Read();
                    reader.Skip();
                    if (!skip)
                    {
                        hash.AppendData(eventJson[start..checked((int)reader.BytesConsumed)]);
                        hash.AppendData([0]);
                    }
                }

                hashedMembers = true;
            }
        }
        catch (JsonException)
        {
            hashedMembers = false;
        }

        if (!hashedMembers)
        {
            hash.AppendData(eventJson);
        }

        return DerivedKeyPrefix + Convert.ToHexStringLower(hash.GetHashAndReset(), 0, 16);
    }

    /// <summary>
    /// Fails unless <paramref name="signature"/> is the signature of <paramref name="body"/> under one of
    /// <paramref name="channelSecrets"/>.
    /// </summary>
    /// <exception cref="LineWebhookException">The signature is missing (<see cref="LineWebhookError.MissingSignature"/>) or wrong.</exception>
    /// <exception cref="ArgumentException"><paramref name="channelSecrets"/> is empty (a configuration error).</exception>
    public static void VerifySignature(ReadOnlySpan<byte> body, string? signature, IReadOnlyCollection<string> channelSecrets)
    {
        ArgumentNullException.ThrowIfNull(channelSecrets);
        if (channelSecrets.Count == 0)
        {
            throw new ArgumentException("At least one channel secret is needed to verify a webhook.", nameof(channelSecrets));
        }

        if (signature is null)
        {
            throw new LineWebhookException(
                LineWebhookError.MissingSignature, $"The request has no {LineWebhookSignature.HeaderName} header.");
        }

        if (!LineWebhookSignature.Verify(body, signature, channelSecrets))
        {
            throw new LineWebhookException(
                LineWebhookError.InvalidSignature,
                $"The {LineWebhookSignature.HeaderName} header does not match the body under any configured channel secret.");
        }
    }

    private static void CheckSize(ReadOnlySpan<byte> body, int maxBodyBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxBodyBytes);
        if (body.Length > maxBodyBytes)
        {
            throw new LineWebhookException(
                LineWebhookError.BodyTooLarge, $"The body has {body.Length} bytes; the limit is {maxBodyBytes}.");
        }
    }

    private static LineWebhookBatch ReadBatch(ReadOnlyMemory<byte> body)
    {
        var found = new List<LineWebhookBatchEvent>();
        var destination = ReadEnvelope(body.Span, body, found, typed: null, out var destinationSeen);
        LineWebhookProblem? destinationProblem = null;
        if (string.IsNullOrEmpty(destination))
        {
            destination = null;
            destinationProblem = new LineWebhookProblem(
                LineWebhookProblemKind.DestinationMissing,
                "$.destination",
                destinationSeen ? "'destination' is not a non-empty string." : "The body has no 'destination'.");
        }

        // Derived keys hash the destination, which may come after the events in the body.
        foreach (var item in found)
        {
            if (item.DeduplicationKey.Length == 0)
            {
                item.DeduplicationKey = DeriveDeduplicationKey(destination, item.Utf8Json.Span);
            }
        }

        return new LineWebhookBatch(destination, found.ToArray(), destinationProblem);
    }

    /// <summary>
    /// The typed envelope in one pass: each event is read as its type where it stands in the body, so nothing is copied
    /// or tokenised twice. It gives what <see cref="LineWebhookBatch.ToCallbackRequest"/> gives for the same body (a
    /// test compares the two on every fixture and on the hostile corpus); it needs no deduplication keys, which the
    /// envelope model has no place for.
    /// </summary>
    private static CallbackRequest ReadCallbackRequest(ReadOnlySpan<byte> json)
    {
        var events = new List<Event>();
        var destination = ReadEnvelope(json, default, stored: null, events, out _);
        return new CallbackRequest { Destination = destination ?? string.Empty, Events = events };
    }

    /// <summary>
    /// Walks the envelope: returns its <c>destination</c> (null unless a string) and fills either
    /// <paramref name="stored"/> (raw slices of <paramref name="body"/> for an inbox, typed later) or
    /// <paramref name="typed"/> (events read as their type on the spot) from the <c>events</c> array.
    /// </summary>
    /// <exception cref="LineWebhookException">The body is not UTF-8, not JSON, not an object, or has no <c>events</c> array.</exception>
    private static string? ReadEnvelope(
        ReadOnlySpan<byte> json,
        ReadOnlyMemory<byte> body,
        List<LineWebhookBatchEvent>? stored,
        List<Event>? typed,
        out bool destinationSeen)
    {
        CheckUtf8(json);
        var reader = new Utf8JsonReader(json, ReaderOptions);
        string? destination = null;
        destinationSeen = false;
        var eventsSeen = false;
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw new LineWebhookException(LineWebhookError.InvalidShape, $"The body is {LineJsonPath.Describe(reader.TokenType)}, not a JSON object.", 0, 0);
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("destination"u8))
                {
                    reader.Read();
                    destinationSeen = true;
                    destination = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                    reader.Skip();
                }
                else if (reader.ValueTextEquals("events"u8))
                {
                    reader.Read();
                    if (reader.TokenType != JsonTokenType.StartArray)
                    {
                        throw InvalidShape(json, reader.TokenStartIndex, $"'events' is {LineJsonPath.Describe(reader.TokenType)}, not an array.");
                    }

                    // Like any JSON reader here, a repeated member counts by its last occurrence. For an inbox, each
                    // event is read only for what it stores; the typed read waits until someone asks for the event.
                    eventsSeen = true;
                    stored?.Clear();
                    typed?.Clear();
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        if (typed is not null)
                        {
                            typed.Add(ReadEventInPlace(ref reader, json, typed.Count));
                        }
                        else
                        {
                            var start = checked((int)reader.TokenStartIndex);
                            var fields = LineWebhookEventFields.ReadStored(ref reader);
                            stored!.Add(new LineWebhookBatchEvent(stored.Count, body[start..checked((int)reader.BytesConsumed)], fields));
                        }
                    }
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }

            if (reader.Read())
            {
                throw new JsonException("Unexpected content after the JSON value.");
            }
        }
        catch (JsonException exception)
        {
            var (line, position) = exception.LineNumber is { } l
                ? (l, exception.BytePositionInLine.GetValueOrDefault())
                : LineJson.Locate(json, reader.TokenStartIndex);
            throw new LineWebhookException(LineWebhookError.MalformedJson, exception.Message, line, position, exception);
        }

        if (!eventsSeen)
        {
            throw new LineWebhookException(LineWebhookError.InvalidShape, "The body has no 'events' array.");
        }

        return destination;
    }

    /// <summary>
    /// Reads the event the body's reader stands on as its type and leaves the reader on the event's last token. An
    /// event that cannot be read as its type becomes the <see cref="UnreadableEvent"/> that <see cref="ReadEvent"/>
    /// makes of the same bytes: the reader goes back to the event's start (a copy taken before, as the reader is a
    /// struct) and skips it, and the problem is told from the event's own slice. JSON that is malformed is not the
    /// event's problem but the body's: skipping meets it again and it fails the body, as it does for the inbox's pass.
    /// </summary>
    private static Event ReadEventInPlace(ref Utf8JsonReader reader, ReadOnlySpan<byte> json, int index)
    {
        var atStart = reader;
        var start = checked((int)reader.TokenStartIndex);
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return new UnreadableEvent(
                json[start..checked((int)reader.BytesConsumed)].ToArray(),
                EventPath(index),
                $"The event is {LineJsonPath.Describe(atStart.TokenType)}, not a JSON object.");
        }

        // No LineJsonReadReport here: the envelope model has no place for the missing properties of the whole event
        // (each model keeps its own), and without a report recording them costs nothing.
        try
        {
            return Event.DeserializeEvent(ref reader);
        }
        catch (Exception exception) when (LineJson.IsReadingFailure(exception))
        {
            var failedAt = reader.TokenStartIndex - start;
            reader = atStart;
            reader.Skip();
            var eventJson = json[start..checked((int)reader.BytesConsumed)];
            var root = EventPath(index);
            var error = LineJson.ReadingError(eventJson, failedAt, exception, root);
            return new UnreadableEvent(eventJson.ToArray(), error.Path ?? root, error.Message);
        }
    }

    /// <summary>The JSON path of the event at <paramref name="index"/> of a batch ("$" for a lone event, -1).</summary>
    internal static string EventPath(int index)
        => index < 0 ? "$" : "$.events[" + index.ToString(CultureInfo.InvariantCulture) + "]";

    /// <summary>Reads one event; on any failure, an <see cref="UnreadableEvent"/> naming the path and the reason.</summary>
    /// <param name="eventJson">The event's bytes.</param>
    /// <param name="index">Its index in the batch, for paths in problems (built only when there is one); -1 for a lone event.</param>
    /// <param name="utf8Checked">Whether the bytes are known to be UTF-8 (the whole body was checked once).</param>
    /// <param name="missing">The required properties found absent or null.</param>
    internal static Event ReadEvent(ReadOnlyMemory<byte> eventJson, int index, bool utf8Checked, out IReadOnlyList<string> missing)
    {
        missing = Array.Empty<string>();
        var json = eventJson.Span;
        if (!utf8Checked && !Utf8.IsValid(json))
        {
            return new UnreadableEvent(eventJson, EventPath(index), "The event is not valid UTF-8.");
        }

        var reader = new Utf8JsonReader(json, ReaderOptions);
        using var report = LineJsonReadReport.Begin();
        try
        {
            reader.Read();
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                return new UnreadableEvent(eventJson, EventPath(index), $"The event is {LineJsonPath.Describe(reader.TokenType)}, not a JSON object.");
            }

            var webhookEvent = Event.DeserializeEvent(ref reader);
            if (reader.Read())
            {
                throw new JsonException("Unexpected content after the event.");
            }

            missing = report.Missing;
            return webhookEvent;
        }
        catch (Exception exception) when (LineJson.IsReadingFailure(exception))
        {
            var root = EventPath(index);
            var error = LineJson.ReadingError(json, reader.TokenStartIndex, exception, root);
            return new UnreadableEvent(eventJson, error.Path ?? root, error.Message);
        }
    }

    private static LineWebhookException InvalidShape(ReadOnlySpan<byte> json, long offset, string message)
    {
        var (line, position) = LineJson.Locate(json, offset);
        return new LineWebhookException(LineWebhookError.InvalidShape, message, line, position);
    }

    private static void CheckUtf8(ReadOnlySpan<byte> json)
    {
        // The reader only checks UTF-8 when a string is decoded, which is skipped for values that are ignored; checking
        // the whole body up front makes "the body is UTF-8" a guarantee instead of a maybe.
        if (!Utf8.IsValid(json))
        {
            var offset = FindInvalidUtf8(json);
            var (line, position) = LineJson.Locate(json, offset);
            throw new LineWebhookException(
                LineWebhookError.MalformedJson,
                $"The body is not valid UTF-8 (line {line}, byte {position}).",
                line,
                position);
        }
    }

    private static int FindInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        var offset = 0;
        while (offset < bytes.Length)
        {
            if (Rune.DecodeFromUtf8(bytes[offset..], out _, out var consumed) != OperationStatus.Done)
            {
                return offset;
            }

            offset += consumed;
        }

        return offset;
    }
}
