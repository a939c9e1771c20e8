using System;
using System.Buffers;
using System.Collections.Concurrent;
using System.Text;
using System.Text.Unicode;

namespace ModuleGen.Line.Runtime;

/// <summary>
/// The discriminator values of kinds this version does not know, read so far (the known ones are matched by their bytes
/// and never become strings), kept so that reading one again costs no string: a kind LINE added later comes again and
/// again. Bounded, so hostile input cannot grow it beyond a few kilobytes; values that do not fit are read as new strings.
/// </summary>
internal static class LineJsonDiscriminators
{
    private const int MaxCount = 256;
    private const int MaxLength = 64;

    // Strict, as the reader is: invalid UTF-8 fails the read instead of becoming replacement characters.
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static readonly ConcurrentDictionary<string, string> Known = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> KnownBySpan =
        Known.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The string of the UTF-8 <paramref name="value"/>, the same instance each time for a value seen before.</summary>
    public static string Get(ReadOnlySpan<byte> value)
    {
        if (value.Length > MaxLength)
        {
            return StrictUtf8.GetString(value);
        }

        Span<char> chars = stackalloc char[MaxLength];
        if (Utf8.ToUtf16(value, chars, out _, out var written, replaceInvalidSequences: false) != OperationStatus.Done)
        {
            // Not UTF-8: the strict decoding reports it.
            return StrictUtf8.GetString(value);
        }

        if (KnownBySpan.TryGetValue(chars[..written], out var known))
        {
            return known;
        }

        var text = new string(chars[..written]);
        if (Known.Count < MaxCount)
        {
            Known.TryAdd(text, text);
        }

        return text;
    }
}
