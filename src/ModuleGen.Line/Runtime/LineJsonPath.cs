using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace ModuleGen.Line.Runtime;

/// <summary>
/// Finds the JSON path (<c>$.events[2].message.id</c>) of the value at a byte offset, so a reading error can say where
/// it happened. The generated readers do not track a path (it would cost every read); this re-scans only on failure.
/// </summary>
internal static class LineJsonPath
{
    private static readonly JsonReaderOptions Options = new() { MaxDepth = 256 };

    /// <summary>The path of the innermost value that starts at or before <paramref name="offset"/>; <c>$</c> when unknown.</summary>
    public static string At(ReadOnlySpan<byte> json, long offset, string root = "$")
    {
        var segments = new List<Segment>();
        var reader = new Utf8JsonReader(json, isFinalBlock: true, new JsonReaderState(Options));
        try
        {
            while (reader.Read())
            {
                if (reader.TokenStartIndex > offset)
                {
                    break;
                }

                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        if (segments.Count > 0)
                        {
                            segments[^1] = segments[^1] with { Child = reader.GetString() };
                        }

                        continue;
                    case JsonTokenType.StartObject:
                    case JsonTokenType.StartArray:
                        AdvanceArrayIndex(segments);
                        segments.Add(new Segment(reader.TokenType == JsonTokenType.StartArray, -1, null));
                        break;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        segments.RemoveAt(segments.Count - 1);
                        break;
                    default:
                        AdvanceArrayIndex(segments);
                        break;
                }
            }
        }
        catch (JsonException)
        {
            // A broken document: the path up to the break is still the best answer.
        }

        return Format(root, segments);
    }

    private static void AdvanceArrayIndex(List<Segment> segments)
    {
        if (segments.Count > 0 && segments[^1].IsArray)
        {
            segments[^1] = segments[^1] with { Index = segments[^1].Index + 1 };
        }
    }

    private static string Format(string root, List<Segment> segments)
    {
        var path = new StringBuilder(root);
        foreach (var segment in segments)
        {
            if (segment.IsArray)
            {
                if (segment.Index >= 0)
                {
                    path.Append('[').Append(segment.Index.ToString(CultureInfo.InvariantCulture)).Append(']');
                }
            }
            else if (segment.Child is { } name)
            {
                path.Append('.').Append(name);
            }
        }

        return path.ToString();
    }

    private readonly record struct Segment(bool IsArray, int Index, string? Child);

    /// <summary>A token in words, for messages that say what was found where something else was expected.</summary>
    public static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        JsonTokenType.None => "empty",
        _ => token.ToString(),
    };
}
