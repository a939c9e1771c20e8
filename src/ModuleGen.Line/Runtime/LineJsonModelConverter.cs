using System;
using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ModuleGen.Line.Runtime;

/// <summary>
/// Lets System.Text.Json (including a user's own source-generated <c>JsonSerializerContext</c>) serialize ModuleGen
/// models by delegating to their generated reader and writer.
/// </summary>
/// <typeparam name="T">The model type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class LineJsonModelConverter<T> : JsonConverter<T>
    where T : ILineJsonModel<T>
{
    /// <inheritdoc />
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => T.ReadJson(ref reader);

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => value.WriteJson(writer);
}
