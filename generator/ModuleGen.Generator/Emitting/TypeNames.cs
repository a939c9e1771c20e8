using System.Globalization;
using ModuleGen.Generator.Model;

namespace ModuleGen.Generator.Emitting;

/// <summary>C# spellings of model types; every reference is global::-qualified.</summary>
internal static class TypeNames
{
    public const string Runtime = "global::ModuleGen.Line.Runtime";
    public const string Line = "global::ModuleGen.Line";
    public const string Json = "global::System.Text.Json";
    public const string Generic = "global::System.Collections.Generic";
    public const string Tasks = "global::System.Threading.Tasks";
    public const string CancellationToken = "global::System.Threading.CancellationToken";

    public static string Global(string fullName) => "global::" + fullName;

    /// <summary>The C# type of a value (without nullability).</summary>
    public static string Of(TypeRef type, bool multipart = false) => type.Kind switch
    {
        TypeKind.String => "string",
        TypeKind.Int32 => "int",
        TypeKind.Int64 => "long",
        TypeKind.Float => "float",
        TypeKind.Double => "double",
        TypeKind.Boolean => "bool",
        TypeKind.Binary => multipart ? Line + ".LineFileContent" : "global::System.IO.Stream",
        TypeKind.Any => Json + ".JsonElement",
        TypeKind.Model or TypeKind.Enum => Global(type.FullName!),
        TypeKind.Array => Generic + ".IList<" + Of(type.Element!, multipart) + ">",
        TypeKind.Map => Generic + ".IDictionary<string, " + Of(type.Element!, multipart) + ">",
        _ => "object",
    };

    public static string Nullable(TypeRef type, bool multipart = false) => Of(type, multipart) + "?";

    public static string Literal(string text)
        => "\"" + text.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n").Replace("\r", "\\r") + "\"";

    public static string Utf8Literal(string text) => Literal(text) + "u8";

    public static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The local variable generated code uses for a property's value (prefixed so it never clashes).</summary>
    public static string Local(PropertySpec property)
    {
        // "__" + StripAt(ToCamelCase(name)), built once: emitting a model asks for each local about ten times.
        var pascal = Helpers.Naming.ToPascalCase(property.PropertyName);
        var chars = new char[pascal.Length + 2];
        chars[0] = '_';
        chars[1] = '_';
        pascal.CopyTo(0, chars, 2, pascal.Length);
        if (pascal[0] != '_')
        {
            chars[2] = char.ToLowerInvariant(chars[2]);
        }

        return new string(chars);
    }
}
