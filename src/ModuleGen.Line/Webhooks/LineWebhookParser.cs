using System;
using System.Buffers;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using ModuleGen.Line.Runtime;

namespace ModuleGen.Line.Webhooks;

/// <summary>
/// Turns the raw bytes of a webhook request into a <see cref="CallbackRequest"/>: size limit, signature, then JSON.
/// Every rejection is a <see cref="LineWebhookException"/>; nothing else escapes for any input. Event types, message
/// types, source types and enum values this version does not know are not errors: they read as the
/// <c>Unknown…</c> types and open-enum values that keep what LINE sent.
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

    private static readonly JsonReaderOptions ReaderOptions = new()
    {
        MaxDepth = MaxDepth,
        CommentHandling = JsonCommentHandling.Disallow,
        AllowTrailingCommas = false,
    };

    /// <summary>
    /// Checks the size and the signature of <paramref name="body"/>, then parses it.
    /// </summary>
    /// <param name="body">The request body exactly as received.</param>
    /// <param name="signature">The <c>x-line-signature</c> header value; <see langword="null"/> when absent.</param>
    /// <param name="channelSecrets">The channel secrets accepted (several during a rotation); at least one.</param>
    /// <param name="maxBodyBytes">The largest body accepted.</param>
    /// <exception cref="LineWebhookException">The body is too large, unsigned, wrongly signed, or not a webhook envelope.</exception>
    /// <exception cref="ArgumentException"><paramref name="channelSecrets"/> is empty (a configuration error).</exception>
    public static CallbackRequest Parse(
        ReadOnlySpan<byte> body,
        string? signature,
        IReadOnlyCollection<string> channelSecrets,
        int maxBodyBytes = DefaultMaxBodyBytes)
    {
        CheckSize(body, maxBodyBytes);
        VerifySignature(body, signature, channelSecrets);
        return Read(body, CallbackRequest.DeserializeCallbackRequest, ValidateEnvelope);
    }

    /// <summary>
    /// Parses a body whose signature was already checked (or that never had one, such as a test fixture).
    /// </summary>
    /// <exception cref="LineWebhookException">The body is too large or not a webhook envelope.</exception>
    public static CallbackRequest ParseUnverified(ReadOnlySpan<byte> body, int maxBodyBytes = DefaultMaxBodyBytes)
    {
        CheckSize(body, maxBodyBytes);
        return Read(body, CallbackRequest.DeserializeCallbackRequest, ValidateEnvelope);
    }

    /// <summary>Parses the JSON of one event object, as an inbox stores it.</summary>
    /// <exception cref="LineWebhookException">The JSON is not a webhook event.</exception>
    public static Event ParseEvent(ReadOnlySpan<byte> eventJson)
        => Read(eventJson, Event.DeserializeEvent, ValidateEvent);

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

    private static T Read<T>(ReadOnlySpan<byte> json, LineJsonValueReader<T> readValue, Action<T> validate)
    {
        // The reader only checks UTF-8 when a string is decoded, which the generated code skips for values it
        // ignores; checking the whole body up front makes "the body is UTF-8" a guarantee instead of a maybe.
        if (!Utf8.IsValid(json))
        {
            int offset = FindInvalidUtf8(json);
            (long line, long position) = Locate(json, offset);
            throw new LineWebhookException(
                LineWebhookError.MalformedJson,
                $"The body is not valid UTF-8 (line {line}, byte {position}).",
                line,
                position);
        }

        var reader = new Utf8JsonReader(json, ReaderOptions);
        try
        {
            reader.Read();
            T value = readValue(ref reader);

            // With a final block and a single value, Read() either finds the end (false) or throws on trailing content.
            if (reader.Read())
            {
                throw new JsonException("Unexpected content after the JSON value.");
            }

            validate(value);
            return value;
        }
        catch (JsonException exception) when (exception.LineNumber is { } line)
        {
            // Only the JSON reader sets a position: the text itself is broken (or nests too deep).
            throw new LineWebhookException(
                LineWebhookError.MalformedJson,
                exception.Message,
                line,
                exception.BytePositionInLine,
                exception);
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or ArgumentException
                                              or FormatException or OverflowException)
        {
            (long line, long position) = Locate(json, checked((int)reader.TokenStartIndex));
            throw new LineWebhookException(
                LineWebhookError.InvalidShape,
                $"{exception.Message} (near line {line}, byte {position})",
                line,
                position,
                exception);
        }
    }

    private static void ValidateEnvelope(CallbackRequest request)
    {
        foreach (Event webhookEvent in request.Events)
        {
            ValidateEvent(webhookEvent);
        }
    }

    /// <summary>
    /// The generated reader accepts an object without a <c>type</c> as an unknown event; an envelope that cannot say
    /// what an event is, or which event it is, cannot be stored or deduplicated, so it is rejected here.
    /// </summary>
    private static void ValidateEvent(Event webhookEvent)
    {
        if (webhookEvent is null)
        {
            throw new JsonException("An event is null.");
        }

        if (string.IsNullOrEmpty(webhookEvent.Type))
        {
            throw new JsonException("An event has no 'type' string.");
        }

        if (string.IsNullOrEmpty(webhookEvent.WebhookEventId))
        {
            throw new JsonException($"A '{webhookEvent.Type}' event has an empty 'webhookEventId'.");
        }
    }

    private static int FindInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        int offset = 0;
        while (offset < bytes.Length)
        {
            if (Rune.DecodeFromUtf8(bytes[offset..], out _, out int consumed) != OperationStatus.Done)
            {
                return offset;
            }

            offset += consumed;
        }

        return offset;
    }

    /// <summary>The zero-based line and byte-in-line of a byte offset, as <see cref="JsonException"/> reports them.</summary>
    private static (long Line, long BytePositionInLine) Locate(ReadOnlySpan<byte> json, int offset)
    {
        ReadOnlySpan<byte> before = json[..Math.Clamp(offset, 0, json.Length)];
        int lines = before.Count((byte)'\n');
        int lineStart = before.LastIndexOf((byte)'\n') + 1;
        return (lines, before.Length - lineStart);
    }
}
