using System;
using System.Text.Json;

namespace ModuleGen.Line.Webhooks;

/// <summary>
/// The members every event shares, read from the top level of an event object without the typed reader, so that they
/// are known even for an event the typed reader refused. Anything absent or of another JSON type is null.
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

    public static LineWebhookEventFields Scan(ReadOnlySpan<byte> eventJson)
    {
        string? type = null, id = null, mode = null, replyToken = null;
        long? timestamp = null;
        var isRedelivery = false;
        var reader = new Utf8JsonReader(eventJson, Options);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return default;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("type"u8))
                {
                    type = ReadString(ref reader) ?? type;
                }
                else if (reader.ValueTextEquals("webhookEventId"u8))
                {
                    id = ReadString(ref reader) ?? id;
                }
                else if (reader.ValueTextEquals("mode"u8))
                {
                    mode = ReadString(ref reader) ?? mode;
                }
                else if (reader.ValueTextEquals("replyToken"u8))
                {
                    replyToken = ReadString(ref reader) ?? replyToken;
                }
                else if (reader.ValueTextEquals("timestamp"u8))
                {
                    reader.Read();
                    timestamp = reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var value) ? value : timestamp;
                    reader.Skip();
                }
                else if (reader.ValueTextEquals("deliveryContext"u8))
                {
                    isRedelivery = ReadIsRedelivery(ref reader);
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON after all: what was found so far is all there is.
        }

        return new LineWebhookEventFields(type, id, timestamp, mode, replyToken, isRedelivery);
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
