using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Text.Json;

namespace ModuleGen.Line.Runtime;

/// <summary>
/// What a generated model remembers of the JSON it was read from, beyond its property values: the required properties
/// that were absent or null (LINE's payloads vary with age and account settings, so reading never fails for that), and
/// the properties that were an explicit JSON <c>null</c>, so that writing the model back gives the same JSON.
/// </summary>
/// <remarks>
/// Generated code creates one only when there is something to remember; a model built in code has none. The methods
/// are static so that generated code can pass a field that is still <see langword="null"/>.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class LineJsonReadState
{
    private List<string>? _missing;
    private List<string>? _nulls;
    private bool _discriminatorAbsent;
    private JsonElement? _discriminatorAsRead;

    /// <summary>
    /// Reads the discriminator of a sub-type read directly (a list of one sub-type): when it is not the expected string
    /// (null, another value, another JSON type), it is kept as read so that writing gives it back unchanged.
    /// </summary>
    public static void RecordDiscriminator(ref LineJsonReadState? state, ref Utf8JsonReader reader, ReadOnlySpan<byte> expected)
    {
        if (reader.TokenType == JsonTokenType.String && reader.ValueTextEquals(expected))
        {
            return;
        }

        (state ??= new LineJsonReadState())._discriminatorAsRead = JsonElement.ParseValue(ref reader);
    }

    /// <summary>Records that a sub-type was read from an object without its discriminator.</summary>
    public static void RecordDiscriminatorAbsent(ref LineJsonReadState? state)
        => (state ??= new LineJsonReadState())._discriminatorAbsent = true;

    /// <summary>Writes the discriminator: as read when it was unusual, not at all when it was absent, otherwise <paramref name="value"/>.</summary>
    public static void WriteDiscriminator(LineJsonReadState? state, Utf8JsonWriter writer, ReadOnlySpan<byte> jsonName, string value)
    {
        if (state?._discriminatorAbsent == true)
        {
            return;
        }

        writer.WritePropertyName(jsonName);
        if (state?._discriminatorAsRead is { } raw)
        {
            raw.WriteTo(writer);
        }
        else
        {
            writer.WriteStringValue(value);
        }
    }

    /// <summary>Records that the property <paramref name="jsonName"/> was an explicit JSON null.</summary>
    public static void RecordNull(ref LineJsonReadState? state, string jsonName)
        => ((state ??= new LineJsonReadState())._nulls ??= new List<string>(2)).Add(jsonName);

    /// <summary>
    /// Records that the required property <paramref name="jsonName"/> of <paramref name="typeName"/> was absent or null,
    /// both on the model and in the <see cref="LineJsonReadReport"/> of the read in progress, if any.
    /// </summary>
    public static void RecordMissing(ref LineJsonReadState? state, string typeName, string jsonName)
    {
        ((state ??= new LineJsonReadState())._missing ??= new List<string>(2)).Add(jsonName);
        LineJsonReadReport.Current?.AddMissing(typeName + "." + jsonName);
    }

    /// <summary>The JSON names of the required properties that were absent or null, in the order of the spec.</summary>
    public static IReadOnlyList<string> MissingOf(LineJsonReadState? state)
        => (IReadOnlyList<string>?)state?._missing ?? Array.Empty<string>();

    /// <summary>Whether the required property was absent or null when the model was read.</summary>
    public static bool WasMissing(LineJsonReadState? state, string jsonName)
        => state?._missing?.Contains(jsonName) == true;

    /// <summary>Whether the property was an explicit JSON null when the model was read.</summary>
    public static bool WasNull(LineJsonReadState? state, string jsonName)
        => state?._nulls?.Contains(jsonName) == true;

    /// <summary>
    /// Writes <c>"name": null</c> for a property that is null now and was an explicit null when read; writes nothing for
    /// one that was absent, so a model read from LINE is written back as it came.
    /// </summary>
    public static void WriteNullIfReadAsNull(LineJsonReadState? state, Utf8JsonWriter writer, string jsonName)
    {
        if (WasNull(state, jsonName))
        {
            writer.WriteNull(jsonName);
        }
    }

    /// <summary>
    /// For a required value-type property still holding its default: writes <c>null</c> when it was read as null, and
    /// nothing when it was absent. Returns <see langword="true"/> when it handled the property, <see langword="false"/>
    /// when the caller writes the value as usual.
    /// </summary>
    public static bool WroteUnsetValue(LineJsonReadState? state, Utf8JsonWriter writer, string jsonName, bool holdsDefault)
    {
        if (!holdsDefault || !WasMissing(state, jsonName))
        {
            return false;
        }

        WriteNullIfReadAsNull(state, writer, jsonName);
        return true;
    }
}
