using System;
using System.Buffers;
using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Unicode;

namespace ModuleGen.Line.Runtime;

/// <summary>
/// The discriminator values read so far ("message", "text", "user", …), kept so that reading one again costs no string:
/// every polymorphic object of every webhook event has one, and there are only a few dozen. Bounded, so hostile input
/// cannot grow it beyond a few kilobytes; values that do not fit are read as new strings, as before.
/// </summary>
internal static class Discriminators
{
    private const int MaxCount = 256;
    private const int MaxLength = 64;

    private static readonly ConcurrentDictionary<string, string> Known = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> KnownBySpan =
        Known.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The string value the reader stands on, the same instance each time for a value seen before.</summary>
    public static string Get(ref Utf8JsonReader reader)
    {
        if (reader.HasValueSequence || reader.ValueIsEscaped || reader.ValueSpan.Length > MaxLength)
        {
            return reader.GetString()!;
        }

        Span<char> chars = stackalloc char[MaxLength];
        if (Utf8.ToUtf16(reader.ValueSpan, chars, out _, out var written, replaceInvalidSequences: false) != OperationStatus.Done)
        {
            // Not UTF-8: the reader's own decoding reports it.
            return reader.GetString()!;
        }

        if (KnownBySpan.TryGetValue(chars[..written], out var known))
        {
            return known;
        }

        var value = reader.GetString()!;
        if (Known.Count < MaxCount)
        {
            Known.TryAdd(value, value);
        }

        return value;
    }
}
