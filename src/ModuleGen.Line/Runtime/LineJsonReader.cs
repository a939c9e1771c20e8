using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Text.Json;

// Plumbing for generated code (hidden from IntelliSense); the class summary documents the contract, members are self-describing.

namespace ModuleGen.Line.Runtime;

/// <summary>
/// Reading primitives for generated models. Every failure is a <see cref="JsonException"/> naming the JSON
/// property it happened at, never an <see cref="InvalidOperationException"/> from the reader.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class LineJsonReader
{
    /// <summary>Fails unless the reader stands on the start of an object.</summary>
    public static void ExpectStartObject(ref Utf8JsonReader reader, string typeName)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"Expected a JSON object for {typeName} but found {LineJsonPath.Describe(reader.TokenType)}.");
        }
    }

    /// <summary>Moves to the next property name of the current object; false at its end.</summary>
    public static bool NextProperty(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
        {
            throw new JsonException("The JSON ended inside an object.");
        }

        return reader.TokenType == JsonTokenType.PropertyName;
    }

    /// <summary>Keeps a property the spec does not describe (the last value wins when a name repeats).</summary>
    public static void ReadAdditionalProperty(ref Utf8JsonReader reader, ref Dictionary<string, JsonElement>? properties)
    {
        var name = reader.GetString()!;
        reader.Read();
        (properties ??= new Dictionary<string, JsonElement>(StringComparer.Ordinal))[name] = JsonElement.ParseValue(ref reader);
    }

    /// <summary>
    /// The text of the property name or string value the reader stands on, unescaped: a slice of the input, without
    /// allocating, when it needs no unescaping (as in LINE's payloads); a copy otherwise.
    /// </summary>
    public static ReadOnlySpan<byte> Text(scoped ref Utf8JsonReader reader)
        => reader.HasValueSequence || reader.ValueIsEscaped ? Unescaped(ref reader) : reader.ValueSpan;

    private static ReadOnlySpan<byte> Unescaped(scoped ref Utf8JsonReader reader)
    {
        // Unescaping never makes text longer.
        var buffer = new byte[reader.HasValueSequence ? checked((int)reader.ValueSequence.Length) : reader.ValueSpan.Length];
        return buffer.AsSpan(0, reader.CopyString(buffer));
    }

    /// <summary>
    /// Finds the discriminator of the object the reader stands on; empty when the object has none or it is not a
    /// string. When it is the object's first property, as in LINE's payloads, the reader is left on its value (a string
    /// token), so that the sub-type's reader carries on from there instead of reading it again; otherwise the reader
    /// stays on the object's start and the object is scanned on a copy.
    /// </summary>
    public static ReadOnlySpan<byte> ReadDiscriminator(ref Utf8JsonReader reader, ReadOnlySpan<byte> propertyName, string typeName)
    {
        ExpectStartObject(ref reader, typeName);

        // The usual case reads the first property on the reader itself: only the copy that could rewind it is taken,
        // not a second one to carry the peek back (the reader is a large struct, and writing it through the ref is
        // the dearer copy, object by object in a webhook batch).
        var start = reader;
        if (NextProperty(ref reader) && reader.ValueTextEquals(propertyName))
        {
            reader.Read();
            if (reader.TokenType == JsonTokenType.String)
            {
                return Text(ref reader);
            }
        }

        reader = start;
        var peek = start;
        while (NextProperty(ref peek))
        {
            var matches = peek.ValueTextEquals(propertyName);
            peek.Read();
            if (matches && peek.TokenType == JsonTokenType.String)
            {
                return Text(ref peek);
            }

            peek.Skip();
        }

        return default;
    }

    /// <summary>The kind of a polymorphic object that no known sub-type matches, from its discriminator's text.</summary>
    public static string UnknownKind(ReadOnlySpan<byte> discriminator) => LineJsonDiscriminators.Get(discriminator);

    /// <summary>A string, or null for JSON null; any other token fails with the property's path.</summary>
    public static string? ReadString(ref Utf8JsonReader reader, string path)
        => reader.TokenType switch
        {
            JsonTokenType.String => reader.GetString(),
            JsonTokenType.Null => null,
            _ => throw Unexpected(reader.TokenType, "a string", path),
        };

    /// <summary>A string where null is not allowed; any other token fails with the property's path.</summary>
    public static string ReadRequiredString(ref Utf8JsonReader reader, string path)
        => reader.TokenType == JsonTokenType.String ? reader.GetString()! : throw Unexpected(reader.TokenType, "a string", path);

    /// <summary>An array of strings, or (for fields LINE documents both ways) one space-delimited string.</summary>
    public static IList<string>? ReadStringListOrSpaceDelimited(ref Utf8JsonReader reader, string path)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return new List<string>(reader.GetString()!.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        }

        return reader.TokenType == JsonTokenType.Null
            ? null
            : ReadList(ref reader, static (ref Utf8JsonReader r) => ReadRequiredString(ref r, "[]"), path);
    }

    /// <summary>A 32-bit integer; an integral number written with a fraction or exponent (<c>1.0</c>, <c>1e2</c>) reads too.</summary>
    public static int? ReadInt32(ref Utf8JsonReader reader, string path)
        => reader.TokenType switch
        {
            JsonTokenType.Number when reader.TryGetInt32(out var value) => value,
            JsonTokenType.Number when TryGetIntegral(ref reader, int.MinValue, int.MaxValue, out var value) => (int)value,
            JsonTokenType.Null => null,
            _ => throw Unexpected(reader, "a 32-bit integer", path),
        };

    /// <summary>A 64-bit integer; an integral number written with a fraction or exponent (<c>1.0</c>) reads too.</summary>
    public static long? ReadInt64(ref Utf8JsonReader reader, string path)
        => reader.TokenType switch
        {
            JsonTokenType.Number when reader.TryGetInt64(out var value) => value,
            JsonTokenType.Number when TryGetIntegral(ref reader, long.MinValue, long.MaxValue, out var value) => value,
            JsonTokenType.Null => null,
            _ => throw Unexpected(reader, "a 64-bit integer", path),
        };

    /// <summary>
    /// An integer spelled as a decimal (<c>1.0</c>): accepted when the decimal has no fractional part and fits, since
    /// it is the same number. <c>1.5</c> is not an integer and is never rounded.
    /// </summary>
    private static bool TryGetIntegral(ref Utf8JsonReader reader, long minimum, long maximum, out long value)
    {
        value = 0;
        if (!reader.TryGetDecimal(out var number) || number != decimal.Truncate(number) || number < minimum || number > maximum)
        {
            return false;
        }

        value = (long)number;
        return true;
    }

    /// <summary>A number as <see cref="float"/>, or null for JSON null.</summary>
    public static float? ReadSingle(ref Utf8JsonReader reader, string path)
        => reader.TokenType switch
        {
            JsonTokenType.Number when reader.TryGetSingle(out var value) => value,
            JsonTokenType.Null => null,
            _ => throw Unexpected(reader.TokenType, "a number", path),
        };

    /// <summary>A number as <see cref="double"/>, or null for JSON null.</summary>
    public static double? ReadDouble(ref Utf8JsonReader reader, string path)
        => reader.TokenType switch
        {
            JsonTokenType.Number when reader.TryGetDouble(out var value) => value,
            JsonTokenType.Null => null,
            _ => throw Unexpected(reader.TokenType, "a number", path),
        };

    /// <summary>A boolean, or null for JSON null.</summary>
    public static bool? ReadBoolean(ref Utf8JsonReader reader, string path)
        => reader.TokenType switch
        {
            JsonTokenType.True => true,
            JsonTokenType.False => false,
            JsonTokenType.Null => null,
            _ => throw Unexpected(reader.TokenType, "true or false", path),
        };

    /// <summary>True unless the value is JSON null, which is not allowed where this is used (array items, map values).</summary>
    public static bool NotNull(ref Utf8JsonReader reader, string path)
        => reader.TokenType != JsonTokenType.Null ? true : throw Unexpected(reader.TokenType, "a value", path);

    /// <summary>An array, each item read by <paramref name="readItem"/>; the path of an item that fails names its index.</summary>
    public static IList<T> ReadList<T>(ref Utf8JsonReader reader, LineJsonValueReader<T> readItem, string path)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw Unexpected(reader.TokenType, "an array", path);
        }

        var list = new List<T>();
        while (true)
        {
            if (!reader.Read())
            {
                throw new JsonException($"The JSON ended inside the array '{path}'.");
            }

            if (reader.TokenType == JsonTokenType.EndArray)
            {
                return list;
            }

            list.Add(readItem(ref reader));
        }
    }

    /// <summary>An object read as a map, each value read by <paramref name="readValue"/>.</summary>
    public static IDictionary<string, T> ReadDictionary<T>(ref Utf8JsonReader reader, LineJsonValueReader<T> readValue, string path)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw Unexpected(reader.TokenType, "an object", path);
        }

        var dictionary = new Dictionary<string, T>(StringComparer.Ordinal);
        while (NextProperty(ref reader))
        {
            var name = reader.GetString()!;
            reader.Read();
            dictionary[name] = readValue(ref reader);
        }

        return dictionary;
    }

    /// <summary>Throws the <see cref="JsonException"/> for an unexpected token at <paramref name="path"/>; typed so that it can stand in an expression.</summary>
    public static T Fail<T>(ref Utf8JsonReader reader, string path)
        => throw Unexpected(reader.TokenType, "a supported value", path);

    private static JsonException Unexpected(JsonTokenType found, string expected, string path)
        => new($"Expected {expected} for '{path}' but found {LineJsonPath.Describe(found)}.");

    private static JsonException Unexpected(Utf8JsonReader reader, string expected, string path)
        => reader.TokenType == JsonTokenType.Number
            ? new($"Expected {expected} for '{path}' but found the number {System.Text.Encoding.UTF8.GetString(reader.ValueSpan)}.")
            : Unexpected(reader.TokenType, expected, path);
}
