using System;
using System.Collections.Generic;
using System.Text.Json;
using ModuleGen.Line.Webhooks;

namespace ModuleGen.Line.AspNetCore.Webhooks;

/// <summary>
/// Finds the exact bytes of each event object in a webhook body, so the inbox stores what LINE sent rather than a
/// re-serialization (which would drop nothing today, but could reorder or re-escape).
/// </summary>
internal static class LineWebhookEventSlicer
{
    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = LineWebhookParser.MaxDepth };

    /// <summary>
    /// The elements of the envelope's <c>events</c> array, in order. Call only on a body the parser accepted; like the
    /// generated reader, a repeated <c>events</c> property counts by its last occurrence.
    /// </summary>
    public static IReadOnlyList<ReadOnlyMemory<byte>> Slice(ReadOnlyMemory<byte> body)
    {
        var reader = new Utf8JsonReader(body.Span, ReaderOptions);
        IReadOnlyList<ReadOnlyMemory<byte>> events = [];
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            bool isEvents = reader.ValueTextEquals("events"u8);
            reader.Read();
            if (isEvents && reader.TokenType == JsonTokenType.StartArray)
            {
                var slices = new List<ReadOnlyMemory<byte>>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    int start = checked((int)reader.TokenStartIndex);
                    reader.Skip();
                    slices.Add(body[start..checked((int)reader.BytesConsumed)]);
                }

                events = slices;
            }
            else
            {
                reader.Skip();
            }
        }

        return events;
    }
}
