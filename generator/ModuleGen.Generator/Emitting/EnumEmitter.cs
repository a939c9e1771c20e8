using ModuleGen.Generator.Helpers;
using ModuleGen.Generator.Model;

namespace ModuleGen.Generator.Emitting;

/// <summary>
/// Emits an open enum: a struct over its string value with a static property per known value. Values LINE adds
/// later read and write back unchanged (as the Azure SDK's extensible enums do) instead of failing.
/// </summary>
internal static class EnumEmitter
{
    /// <summary>The generated (internal) method that reads an enum from JSON; models of the same compilation call it.</summary>
    public const string ReadMethod = "ReadJsonValue";

    public static void Write(SourceWriter writer, SchemaSpec schema)
    {
        var name = schema.Name;
        DocComments.Summary(writer, schema.Description, $"The {name} values.");
        DocComments.Element(writer, "remarks", "An open set: a value that is not listed here is kept as it is.");
        Header.WriteGeneratedCode(writer);
        writer.WriteLine($"public readonly partial struct {name} : global::System.IEquatable<{name}>, {TypeNames.Line}.ILineExtensibleEnum");
        using (writer.Braces())
        {
            writer.WriteLine("private readonly string? _value;");
            writer.WriteLine();
            writer.WriteLine($"/// <summary>Creates a {name} from its JSON value.</summary>");
            writer.WriteLine($"public {name}(string value)");
            using (writer.Braces())
            {
                writer.WriteLine("_value = value ?? throw new global::System.ArgumentNullException(nameof(value));");
            }

            writer.WriteLine();
            foreach (var value in schema.EnumValues)
            {
                writer.WriteLine($"/// <summary>The value \"{DocComments.Escape(value.Value)}\".</summary>");
                writer.WriteLine($"public static {name} {value.MemberName} {{ get; }} = new {name}({TypeNames.Literal(value.Value)});");
                writer.WriteLine();
            }

            WriteReader(writer, schema);
            writer.WriteLine("/// <summary>Whether the value is one of those this version of the spec lists.</summary>");
            writer.WriteLine("public bool IsKnown => _value switch");
            using (writer.Braces(";"))
            {
                foreach (var value in schema.EnumValues)
                {
                    writer.WriteLine($"{TypeNames.Literal(value.Value)} => true,");
                }

                writer.WriteLine("_ => false,");
            }

            writer.WriteLine();
            writer.WriteLine("/// <summary>Whether both hold the same value (ordinal comparison).</summary>");
            writer.WriteLine($"public static bool operator ==({name} left, {name} right) => left.Equals(right);");
            writer.WriteLine();
            writer.WriteLine("/// <summary>Whether the two hold different values (ordinal comparison).</summary>");
            writer.WriteLine($"public static bool operator !=({name} left, {name} right) => !left.Equals(right);");
            writer.WriteLine();
            writer.WriteLine($"/// <summary>Converts a JSON value to a {name}.</summary>");
            writer.WriteLine($"public static implicit operator {name}(string value) => new {name}(value);");
            writer.WriteLine();
            writer.WriteLine("/// <summary>Whether <paramref name=\"other\"/> holds the same value (ordinal comparison).</summary>");
            writer.WriteLine($"public bool Equals({name} other) => string.Equals(_value, other._value, global::System.StringComparison.Ordinal);");
            writer.WriteLine();
            writer.WriteLine("/// <inheritdoc/>");
            writer.WriteLine($"public override bool Equals(object? obj) => obj is {name} other && Equals(other);");
            writer.WriteLine();
            writer.WriteLine("/// <inheritdoc/>");
            writer.WriteLine("public override int GetHashCode() => _value is null ? 0 : global::System.StringComparer.Ordinal.GetHashCode(_value);");
            writer.WriteLine();
            writer.WriteLine("/// <summary>The JSON value.</summary>");
            writer.WriteLine("public override string ToString() => _value ?? string.Empty;");
        }
    }

    /// <summary>
    /// Reads a listed value as its static instance, matched by its UTF-8 bytes: the values LINE sends on every event
    /// ("active", "user") cost no string. Only a value this version does not list is read as a new string.
    /// </summary>
    private static void WriteReader(SourceWriter writer, SchemaSpec schema)
    {
        var name = schema.Name;
        writer.WriteLine($"/// <summary>Reads a {name} from the JSON string the reader stands on; a listed value is its static instance.</summary>");
        writer.WriteLine($"internal static {name} {ReadMethod}(ref {TypeNames.Json}.Utf8JsonReader reader, string path)");
        using (writer.Braces())
        {
            if (schema.EnumValues.Count > 0)
            {
                writer.WriteLine($"if (reader.TokenType == {TypeNames.Json}.JsonTokenType.String)");
                using (writer.Braces())
                {
                    writer.WriteLine($"var text = {JsonCode.Text("reader")};");
                    foreach (var value in schema.EnumValues)
                    {
                        writer.WriteLine($"if ({JsonCode.TextEquals("text", value.Value)})");
                        using (writer.Braces())
                        {
                            writer.WriteLine($"return {value.MemberName};");
                        }
                    }
                }
            }

            writer.WriteLine($"return new {name}({TypeNames.Runtime}.LineJsonReader.ReadRequiredString(ref reader, path));");
        }

        writer.WriteLine();
    }
}
