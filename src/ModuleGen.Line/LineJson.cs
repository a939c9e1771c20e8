using System;
using System.Text;
using System.Text.Json;
using ModuleGen.Line.Runtime;

namespace ModuleGen.Line;

/// <summary>
/// Reads and writes any generated model (webhook events, messages, requests, responses) as UTF-8 JSON, with the same
/// generated code the clients and the webhook parser use: no reflection, trim- and AOT-safe.
/// </summary>
/// <remarks>
/// Reading is lenient, as for everything that comes from LINE: a required property that is absent or null does not
/// fail (its name is in the model's <c>MissingRequiredProperties</c>, and it reads as null or its type's default),
/// members the spec does not describe are kept in <c>AdditionalProperties</c>, and an integer written as <c>1.0</c>
/// reads as 1. Writing never checks constraints, so whatever was read writes back (explicit nulls and unknown members
/// included); <see cref="Validate{T}"/> applies the strict checks a request gets before it is sent.
/// </remarks>
public static class LineJson
{
    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 64 };

    /// <summary>Reads a model from UTF-8 JSON.</summary>
    /// <exception cref="JsonException">The text is not JSON, or a value has the wrong JSON type (for example a string
    /// where the spec has an object, or <c>1.5</c> where it has an integer). The message and
    /// <see cref="JsonException.Path"/> name the JSON path; the position is in <see cref="JsonException.LineNumber"/>
    /// and <see cref="JsonException.BytePositionInLine"/>.</exception>
    public static T Parse<T>(ReadOnlySpan<byte> utf8Json)
        where T : ILineJsonModel<T>
    {
        var reader = new Utf8JsonReader(utf8Json, ReaderOptions);
        try
        {
            reader.Read();
            var value = T.ReadJson(ref reader);
            if (reader.Read())
            {
                throw new JsonException("Unexpected content after the JSON value.");
            }

            return value;
        }
        catch (Exception exception) when (IsReadingFailure(exception))
        {
            throw ReadingError(utf8Json, reader.TokenStartIndex, exception);
        }
    }

    /// <summary>Reads a model from a JSON string.</summary>
    /// <exception cref="JsonException">As for <see cref="Parse{T}(ReadOnlySpan{byte})"/>.</exception>
    public static T Parse<T>(string json)
        where T : ILineJsonModel<T>
    {
        ArgumentNullException.ThrowIfNull(json);
        return Parse<T>(Encoding.UTF8.GetBytes(json));
    }

    /// <summary>Writes a model as UTF-8 JSON. Never throws for a model that was read.</summary>
    public static byte[] Serialize<T>(T model)
        where T : ILineJsonModel<T>
    {
        ArgumentNullException.ThrowIfNull(model);
        return LineJsonWriter.ToUtf8Bytes(model);
    }

    /// <summary>Writes a model as a JSON string.</summary>
    public static string SerializeToString<T>(T model)
        where T : ILineJsonModel<T>
        => Encoding.UTF8.GetString(Serialize(model));

    /// <summary>Applies the checks a request body gets before it is sent (required properties, lengths, patterns, counts, ranges).</summary>
    /// <exception cref="ArgumentException">The first property found outside the spec; its parameter name is <c>Model.Property</c>.</exception>
    public static void Validate<T>(T model)
        where T : ILineJsonModel<T>
    {
        ArgumentNullException.ThrowIfNull(model);
        model.Validate();
    }

    internal static bool IsReadingFailure(Exception exception)
        => exception is JsonException or InvalidOperationException or FormatException or OverflowException or ArgumentException;

    /// <summary>A <see cref="JsonException"/> that names the JSON path and position of a failure at <paramref name="offset"/>.</summary>
    internal static JsonException ReadingError(ReadOnlySpan<byte> json, long offset, Exception exception, string root = "$")
    {
        if (exception is JsonException { LineNumber: { } line } syntax)
        {
            return new JsonException(syntax.Message, syntax.Path ?? root, line, syntax.BytePositionInLine, syntax);
        }

        var path = LineJsonPath.At(json, offset, root);
        var (lineNumber, position) = Locate(json, offset);
        return new JsonException($"{exception.Message} (at {path}, line {lineNumber}, byte {position})", path, lineNumber, position, exception);
    }

    /// <summary>The zero-based line and byte-in-line of a byte offset, as <see cref="JsonException"/> reports them.</summary>
    internal static (long Line, long BytePositionInLine) Locate(ReadOnlySpan<byte> json, long offset)
    {
        var before = json[..(int)Math.Clamp(offset, 0, json.Length)];
        var lines = before.Count((byte)'\n');
        var lineStart = before.LastIndexOf((byte)'\n') + 1;
        return (lines, before.Length - lineStart);
    }
}
