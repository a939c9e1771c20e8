using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Text.Json;

// Plumbing for generated code (hidden from IntelliSense); the class summary documents the contract, members are self-describing.
#pragma warning disable CS1591

namespace ModuleGen.Line.Runtime;

/// <summary>Writing primitives for generated models.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class LineJsonWriter
{
    public static void WriteList<T>(Utf8JsonWriter writer, IEnumerable<T> values, Action<Utf8JsonWriter, T> writeItem)
    {
        writer.WriteStartArray();
        foreach (var value in values)
        {
            writeItem(writer, value);
        }

        writer.WriteEndArray();
    }

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

    /// <summary>Serializes a model to UTF-8 JSON bytes.</summary>
    public static byte[] ToUtf8Bytes<T>(T model)
        where T : ILineJsonModel<T>
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            model.WriteJson(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }
}
