using ModuleGen.Generator.Model;

namespace ModuleGen.Generator.Emitting;

/// <summary>
/// Expressions that read and write one JSON value of a given <see cref="TypeRef"/> with Utf8JsonReader/Writer.
/// Every reader expression starts on the value's first token and leaves the reader on its last token.
/// </summary>
internal static class JsonCode
{
    private const string Reader = TypeNames.Runtime + ".LineJsonReader";
    private const string Writer = TypeNames.Runtime + ".LineJsonWriter";

    /// <summary>An expression reading a value from <paramref name="reader"/>; null JSON gives null (checked by the caller).</summary>
    public static string Read(TypeRef type, string reader, string path) => type.Kind switch
    {
        TypeKind.String => $"{Reader}.ReadString(ref {reader}, {TypeNames.Literal(path)})",
        TypeKind.Int32 => $"{Reader}.ReadInt32(ref {reader}, {TypeNames.Literal(path)})",
        TypeKind.Int64 => $"{Reader}.ReadInt64(ref {reader}, {TypeNames.Literal(path)})",
        TypeKind.Float => $"{Reader}.ReadSingle(ref {reader}, {TypeNames.Literal(path)})",
        TypeKind.Double => $"{Reader}.ReadDouble(ref {reader}, {TypeNames.Literal(path)})",
        TypeKind.Boolean => $"{Reader}.ReadBoolean(ref {reader}, {TypeNames.Literal(path)})",
        TypeKind.Any => $"{TypeNames.Json}.JsonElement.ParseValue(ref {reader})",
        TypeKind.Enum => $"{TypeNames.Of(type)}.{EnumEmitter.ReadMethod}(ref {reader}, {TypeNames.Literal(path)})",
        TypeKind.Model => $"{TypeNames.Of(type)}.Deserialize{ShortName(type)}(ref {reader})",
        TypeKind.Array => $"{Reader}.ReadList(ref {reader}, {ElementReader(type.Element!, path + "[]")}, {TypeNames.Literal(path)})",
        TypeKind.Map => $"{Reader}.ReadDictionary(ref {reader}, {ElementReader(type.Element!, path + "{}")}, {TypeNames.Literal(path)})",
        _ => $"{Reader}.Fail(ref {reader}, {TypeNames.Literal(path)})",
    };

    /// <summary>
    /// A condition: whether the unescaped UTF-8 <paramref name="text"/> (from <c>LineJsonReader.Text</c>) is
    /// <paramref name="value"/>. Compared as bytes against a u8 literal, so a name or a known value costs no string.
    /// </summary>
    public static string TextEquals(string text, string value)
        => $"global::System.MemoryExtensions.SequenceEqual({text}, {TypeNames.Utf8Literal(value)})";

    /// <summary>An expression: the unescaped UTF-8 text of the property name or string the reader stands on.</summary>
    public static string Text(string reader) => $"{Reader}.Text(ref {reader})";

    /// <summary>Reads a value that may not be JSON null (array elements, dictionary values).</summary>
    private static string ReadNonNull(TypeRef type, string reader, string path) => type.Kind switch
    {
        TypeKind.String => $"{Reader}.ReadRequiredString(ref {reader}, {TypeNames.Literal(path)})",
        TypeKind.Int32 or TypeKind.Int64 or TypeKind.Float or TypeKind.Double or TypeKind.Boolean => Read(type, reader, path),
        TypeKind.Model or TypeKind.Array or TypeKind.Map => $"{Reader}.NotNull(ref {reader}, {TypeNames.Literal(path)}) ? {Read(type, reader, path)} : default!",
        _ => Read(type, reader, path),
    };

    private static string ElementReader(TypeRef element, string path)
        => $"static (ref {TypeNames.Json}.Utf8JsonReader r) => {ReadNonNull(element, "r", path)}";

    /// <summary>A statement writing the value <paramref name="value"/> (not a property name) to <paramref name="writer"/>.</summary>
    public static string WriteValue(TypeRef type, string writer, string value) => type.Kind switch
    {
        TypeKind.String => $"{writer}.WriteStringValue({value});",
        TypeKind.Int32 or TypeKind.Int64 or TypeKind.Float or TypeKind.Double => $"{writer}.WriteNumberValue({value});",
        TypeKind.Boolean => $"{writer}.WriteBooleanValue({value});",
        TypeKind.Any => $"{value}.WriteTo({writer});",
        TypeKind.Enum => $"{writer}.WriteStringValue({value}.ToString());",
        TypeKind.Model => $"{value}.WriteJson({writer});",
        TypeKind.Array => $"{Writer}.WriteList({writer}, {value}, {ElementWriter(type.Element!)});",
        TypeKind.Map => $"{Writer}.WriteDictionary({writer}, {value}, {ElementWriter(type.Element!)});",
        _ => $"{writer}.WriteNullValue();",
    };

    private static string ElementWriter(TypeRef element)
        => $"static (w, v) => {{ {WriteValue(element, "w", "v")} }}";

    public static string ShortName(TypeRef type)
    {
        var fullName = type.FullName!;
        return fullName.Substring(fullName.LastIndexOf('.') + 1);
    }
}
