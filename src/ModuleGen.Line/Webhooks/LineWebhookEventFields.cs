using System;
using System.Text.Json;

namespace ModuleGen.Line.Webhooks;

/// <summary>
/// The members every event shares, read from the top level of an event object without the typed reader, so that they
/// are known even for an event the typed reader refused, and cheaply enough for the endpoint, which stores events
/// without typing them. Anything absent or of another JSON type is null.
/// </summary>
internal readonly record struct LineWebhookEventFields(
    string? Type,
    string? WebhookEventId,
    long? Timestamp,
    string? Mode,
    string? ReplyToken,
    bool IsRedelivery)
{
    private static readonly JsonReaderOptions Options = new() { MaxDepth = LineWebhookParser.MaxDepth };

    /// <summary>Reads the shared members of one event's JSON; what was found before any malformed JSON counts.</summary>
    public static LineWebhookEventFields Scan(ReadOnlySpan<byte> eventJson)
    {
        var reader = new Utf8JsonReader(eventJson, Options);
        var fields = default(LineWebhookEventFields);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return default;
            }

            ReadObject(ref reader, allMembers: true, ref fields);
        }
        catch (JsonException)
        {
            // Not JSON after all: what was found so far is all there is.
        }

        return fields;
    }

    /// <summary>
    /// Reads the shared members of the value at <paramref name="reader"/> and moves past it. For a value that is not an
    /// object, nothing is found. Only what an inbox stores is read (type, ID, timestamp, redelivery); a malformed value
    /// throws, as skipping it would.
    /// </summary>
    public static LineWebhookEventFields ReadStored(ref Utf8JsonReader reader)
    {
        var fields = default(LineWebhookEventFields);
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return fields;
        }

        ReadObject(ref reader, allMembers: false, ref fields);
        return fields;
    }

    /// <summary>Reads members until the object's end; <paramref name="fields"/> holds what was found so far if it throws.</summary>
    private static void ReadObject(ref Utf8JsonReader reader, bool allMembers, ref LineWebhookEventFields fields)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("type"u8))
            {
                fields = fields with { Type = ReadString(ref reader) ?? fields.Type };
            }
            else if (reader.ValueTextEquals("webhookEventId"u8))
            {
                fields = fields with { WebhookEventId = ReadString(ref reader) ?? fields.WebhookEventId };
            }
            else if (allMembers && reader.ValueTextEquals("mode"u8))
            {
                fields = fields with { Mode = ReadString(ref reader) ?? fields.Mode };
            }
            else if (allMembers && reader.ValueTextEquals("replyToken"u8))
            {
                fields = fields with { ReplyToken = ReadString(ref reader) ?? fields.ReplyToken };
            }
            else if (reader.ValueTextEquals("timestamp"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var value))
                {
                    fields = fields with { Timestamp = value };
                }

                reader.Skip();
            }
            else if (reader.ValueTextEquals("deliveryContext"u8))
            {
                fields = fields with { IsRedelivery = ReadIsRedelivery(ref reader) };
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }
    }

    private static string? ReadString(ref Utf8JsonReader reader)
    {
        reader.Read();
        var value = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        reader.Skip();
        return value;
    }

    private static bool ReadIsRedelivery(ref Utf8JsonReader reader)
    {
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return false;
        }

        var isRedelivery = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var matches = reader.ValueTextEquals("isRedelivery"u8);
            reader.Read();
            isRedelivery = matches ? reader.TokenType == JsonTokenType.True : isRedelivery;
            reader.Skip();
        }

        return isRedelivery;
    }
}
