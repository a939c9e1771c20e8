using System;
using System.Buffers;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace ModuleGen.Line.Webhooks.Tests.Infrastructure;

/// <summary>One hostile body and how it was made (for the failure message).</summary>
internal sealed record HostileBody(string Description, byte[] Body);

/// <summary>
/// Deterministic mutations of the fixtures: truncations, deep nesting, huge strings, wrong types, duplicate keys,
/// invalid UTF-8, byte flips and out-of-range numbers. The seed is fixed, so a failure reproduces.
/// </summary>
internal static class HostileBodies
{
    private static readonly string[] WrongValues =
    [
        "null", "true", "false", "0", "-1", "1.5", "\"\"", "\"text\"", "[]", "{}", "[null]", "{\"type\":null}",
        "1e400", "-1e400", "99999999999999999999999", "-9223372036854775809", "9223372036854775808", "2147483648",
        "1.7976931348623157e309", "-0", "0.0000000000000000000000000000001e-400", "[[[]]]", "{\"type\":\"message\"}",
    ];

    private static readonly byte[][] InvalidUtf8 =
    [
        [0xFF], [0xFE], [0xC3], [0xC0, 0xAF], [0xE0, 0x80, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80],
        [0xF0, 0x9F, 0x98], [0x80], [0xBF, 0xBF],
    ];

    public static IEnumerable<HostileBody> Generate(int seed = 20260714)
    {
        var random = new Random(seed);
        List<(string Name, byte[] Body)> fixtures = Fixtures.Names.Select(n => (n, Fixtures.Read(n))).ToList();

        foreach ((var name, var body) in fixtures)
        {
            foreach (var mutation in Truncations(name, body, random))
            {
                yield return mutation;
            }

            foreach (var mutation in ValueReplacements(name, body, random))
            {
                yield return mutation;
            }

            for (var i = 0; i < 12; i++)
            {
                yield return InsertInvalidUtf8(name, body, random);
                yield return FlipBytes(name, body, random);
            }

            yield return ReplaceLongestString(name, body, new string('a', 1024 * 1024), "1 MB string");
            yield return ReplaceLongestString(name, body, string.Concat(Enumerable.Repeat("\\u00e9", 200_000)), "1 MB of escapes");
        }

        foreach (var nested in DeepNesting(fixtures[0].Body))
        {
            yield return nested;
        }
    }

    /// <summary>Every prefix of the smaller fixtures, and a sample of prefixes of the others.</summary>
    private static IEnumerable<HostileBody> Truncations(string name, byte[] body, Random random)
    {
        var lengths = body.Length <= 800
            ? Enumerable.Range(0, body.Length)
            : Enumerable.Range(0, 120).Select(_ => random.Next(body.Length)).Concat(StructuralPositions(body)).Distinct();
        foreach (var length in lengths)
        {
            yield return new HostileBody($"{name} truncated to {length} bytes", body[..length]);
        }
    }

    /// <summary>Right after every kind of token boundary: braces, brackets, colons, commas, quotes.</summary>
    private static IEnumerable<int> StructuralPositions(byte[] body)
    {
        for (var i = 0; i < body.Length; i++)
        {
            if (body[i] is (byte)'{' or (byte)'}' or (byte)'[' or (byte)']' or (byte)':' or (byte)',' or (byte)'"')
            {
                yield return i + 1;
            }
        }
    }

    /// <summary>Each value of the document replaced by wrong types and out-of-range numbers, and duplicated keys.</summary>
    private static IEnumerable<HostileBody> ValueReplacements(string name, byte[] body, Random random)
    {
        using var document = JsonDocument.Parse(body);
        var valueCount = CountValues(document.RootElement);
        for (var target = 1; target < valueCount; target++)
        {
            // Two wrong values per position keep the corpus fast; the seed rotates through all of them.
            for (var k = 0; k < 2; k++)
            {
                var replacement = WrongValues[random.Next(WrongValues.Length)];
                yield return new HostileBody(
                    $"{name} value #{target} replaced by {replacement}",
                    Rewrite(document.RootElement, target, replacement, duplicate: false));
            }

            yield return new HostileBody(
                $"{name} value #{target} duplicated with a wrong value",
                Rewrite(document.RootElement, target, WrongValues[random.Next(WrongValues.Length)], duplicate: true));
        }
    }

    private static HostileBody InsertInvalidUtf8(string name, byte[] body, Random random)
    {
        var bad = InvalidUtf8[random.Next(InvalidUtf8.Length)];
        var at = random.Next(body.Length);
        return new HostileBody($"{name} with {Convert.ToHexString(bad)} inserted at {at}", [.. body[..at], .. bad, .. body[at..]]);
    }

    private static HostileBody FlipBytes(string name, byte[] body, Random random)
    {
        var copy = (byte[])body.Clone();
        var flips = random.Next(1, 5);
        var positions = new List<int>();
        for (var i = 0; i < flips; i++)
        {
            var at = random.Next(copy.Length);
            copy[at] ^= (byte)(1 << random.Next(8));
            positions.Add(at);
        }

        return new HostileBody($"{name} with bits flipped at {string.Join(',', positions)}", copy);
    }

    private static HostileBody ReplaceLongestString(string name, byte[] body, string replacement, string what)
    {
        var text = Encoding.UTF8.GetString(body);
        var at = text.IndexOf("\"webhookEventId\"", StringComparison.Ordinal);
        if (at < 0)
        {
            at = text.IndexOf("\"destination\"", StringComparison.Ordinal);
        }

        var start = text.IndexOf('"', text.IndexOf(':', at)) + 1;
        var end = text.IndexOf('"', start);
        return new HostileBody($"{name} with a {what}", Encoding.UTF8.GetBytes(text[..start] + replacement + text[end..]));
    }

    private static IEnumerable<HostileBody> DeepNesting(byte[] sample)
    {
        const int Levels = 10_000;
        var arrays = new string('[', Levels) + new string(']', Levels);
        var objects = string.Concat(Enumerable.Repeat("{\"a\":", Levels)) + "1" + new string('}', Levels);
        yield return new HostileBody("10k nested arrays", Encoding.UTF8.GetBytes(arrays));
        yield return new HostileBody("10k nested objects", Encoding.UTF8.GetBytes(objects));
        yield return new HostileBody("10k unclosed arrays", Encoding.UTF8.GetBytes(new string('[', Levels)));
        yield return new HostileBody("10k nested arrays as events", Encoding.UTF8.GetBytes("{\"destination\":\"U1\",\"events\":" + arrays + "}"));
        yield return new HostileBody("10k nested objects as an unknown property", Encoding.UTF8.GetBytes("{\"destination\":\"U1\",\"x\":" + objects + ",\"events\":[]}"));

        var text = Encoding.UTF8.GetString(sample);
        var at = text.IndexOf("\"deliveryContext\": {", StringComparison.Ordinal) + "\"deliveryContext\": {".Length;
        yield return new HostileBody("10k nested objects inside an event", Encoding.UTF8.GetBytes(text[..at] + "\"deep\":" + objects + "," + text[at..]));
    }

    private static int CountValues(JsonElement element)
    {
        var count = 1;
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                count += CountValues(property.Value);
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                count += CountValues(item);
            }
        }

        return count;
    }

    /// <summary>Writes the document with value number <paramref name="target"/> (document order) replaced.</summary>
    private static byte[] Rewrite(JsonElement root, int target, string replacement, bool duplicate)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = true }))
        {
            var counter = 0;
            Write(root, writer, ref counter, target, Encoding.UTF8.GetBytes(replacement), duplicate, propertyName: null);
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void Write(
        JsonElement element, Utf8JsonWriter writer, ref int counter, int target, byte[] replacement, bool duplicate, string? propertyName)
    {
        var isTarget = counter++ == target;
        if (isTarget && !duplicate)
        {
            writer.WriteRawValue(replacement, skipInputValidation: true);
            return;
        }

        if (isTarget && propertyName is not null)
        {
            // The same key twice: first the wrong value, then the original (the reader keeps the last, or not).
            writer.WriteRawValue(replacement, skipInputValidation: true);
            writer.WritePropertyName(propertyName);
        }

        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in element.EnumerateObject())
                {
                    writer.WritePropertyName(property.Name);
                    Write(property.Value, writer, ref counter, target, replacement, duplicate, property.Name);
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray())
                {
                    Write(item, writer, ref counter, target, replacement, duplicate, propertyName: null);
                }

                writer.WriteEndArray();
                break;
            default:
                element.WriteTo(writer);
                break;
        }
    }
}
