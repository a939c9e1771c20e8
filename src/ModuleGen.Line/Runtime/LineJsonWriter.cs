using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Text.Json;

// Plumbing for generated code (hidden from IntelliSense); the class summary documents the contract, members are self-describing.

namespace ModuleGen.Line.Runtime;

/// <summary>Writing primitives for generated models.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class LineJsonWriter
{
    /// <summary>Writes an array, each item by <paramref name="writeItem"/>.</summary>
    public static void WriteList<T>(Utf8JsonWriter writer, IEnumerable<T> values, Action<Utf8JsonWriter, T> writeItem)
    {
        writer.WriteStartArray();
        foreach (var value in values)
        {
            writeItem(writer, value);
        }

        writer.WriteEndArray();
    }

    /// <summary>Writes a map as an object, each value by <paramref name="writeValue"/>.</summary>
    public static void WriteDictionary<T>(Utf8JsonWriter writer, IDictionary<string, T> values, Action<Utf8JsonWriter, T> writeValue)
    {
        writer.WriteStartObject();
        foreach (var pair in values)
        {
            writer.WritePropertyName(pair.Key);
            writeValue(writer, pair.Value);
        }

        writer.WriteEndObject();
    }

    /// <summary>Writes back the members a model read but does not declare, so that what was read round-trips.</summary>
    public static void WriteAdditionalProperties(Utf8JsonWriter writer, Dictionary<string, JsonElement>? properties)
    {
        if (properties is null)
        {
            return;
        }

        foreach (var pair in properties)
        {
            writer.WritePropertyName(pair.Key);
            pair.Value.WriteTo(writer);
        }
    }

    /// <summary>A required property was left null: the request is not sent.</summary>
    public static ArgumentException MissingRequired(string typeName, string propertyName)
        => new($"{typeName}.{propertyName} is required by the LINE API and cannot be null.", propertyName);

    /// <summary>A buffer larger than this is not kept for the thread's next request body.</summary>
    private const int KeptBufferBytes = 64 * 1024;

    [ThreadStatic]
    private static (System.Buffers.ArrayBufferWriter<byte> Buffer, Utf8JsonWriter Writer)? t_scratch;

    /// <summary>Serializes a model to UTF-8 JSON bytes.</summary>
    /// <remarks>
    /// Every request body is written here, so the buffer and the writer are kept per thread and reset; the returned
    /// array is the only allocation. A model's writer never calls back into this method, but the scratch pair is taken
    /// off the thread while in use anyway, so a nested call would only get a pair of its own.
    /// </remarks>
    public static byte[] ToUtf8Bytes<T>(T model)
        where T : ILineJsonModel<T>
    {
        var (buffer, writer) = t_scratch ?? (new System.Buffers.ArrayBufferWriter<byte>(256), new Utf8JsonWriter(System.IO.Stream.Null));
        t_scratch = null;
        buffer.ResetWrittenCount();
        writer.Reset(buffer);
        try
        {
            model.WriteJson(writer);
            writer.Flush();
            return buffer.WrittenSpan.ToArray();
        }
        finally
        {
            if (buffer.Capacity <= KeptBufferBytes)
            {
                writer.Reset(System.IO.Stream.Null);
                t_scratch = (buffer, writer);
            }
        }
    }
}
