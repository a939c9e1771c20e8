using System.Collections.Generic;
using System.Linq;
using ModuleGen.Generator.Helpers;
using ModuleGen.Generator.Model;

namespace ModuleGen.Generator.Emitting;

/// <summary>Emits one model type (class, polymorphic base with its Unknown fallback, or open enum) per schema.</summary>
internal static class ModelEmitter
{
    private const string JsonReader = TypeNames.Json + ".Utf8JsonReader";
    private const string JsonWriter = TypeNames.Json + ".Utf8JsonWriter";
    private const string RawDictionary = TypeNames.Generic + ".Dictionary<string, " + TypeNames.Json + ".JsonElement>";

    public static string HintName(SchemaSpec schema, string rootNamespace)
    {
        var suffix = schema.Namespace.StartsWith(rootNamespace + ".", System.StringComparison.Ordinal)
            ? schema.Namespace.Substring(rootNamespace.Length + 1)
            : schema.Namespace;
        return suffix + "." + schema.Name + ".g.cs";
    }

    public static string Emit(SchemaSpec schema)
    {
        var writer = new SourceWriter();
        Header.Write(writer);
        writer.WriteLine("namespace " + schema.Namespace);
        using (writer.Braces())
        {
            switch (schema.Kind)
            {
                case SchemaKind.Enum:
                    EnumEmitter.Write(writer, schema);
                    break;
                case SchemaKind.PolymorphicBase:
                    WriteClass(writer, schema);
                    writer.WriteLine();
                    WriteUnknown(writer, schema);
                    break;
                default:
                    WriteClass(writer, schema);
                    break;
            }
        }

        return writer.ToString();
    }

    private static void WriteClass(SourceWriter writer, SchemaSpec schema)
    {
        var isBase = schema.Kind == SchemaKind.PolymorphicBase;
        var isDerived = schema.BaseType is not null;
        DocComments.Summary(writer, schema.Description, $"The {schema.Name} object.");
        if (isDerived)
        {
            DocComments.Element(writer, "remarks", $"The \"{schema.DiscriminatorValue}\" kind of <see cref=\"{TypeNames.Global(schema.BaseType!)}\"/>.");
        }

        writer.WriteLine($"[global::System.Text.Json.Serialization.JsonConverter(typeof({TypeNames.Runtime}.LineJsonModelConverter<{schema.Name}>))]");
        var declaration = isBase
            ? $"public abstract partial class {schema.Name} : {TypeNames.Runtime}.ILineJsonModel<{schema.Name}>"
            : isDerived
                ? $"public sealed partial class {schema.Name} : {TypeNames.Global(schema.BaseType!)}, {TypeNames.Runtime}.ILineJsonModel<{schema.Name}>"
                : $"public sealed partial class {schema.Name} : {TypeNames.Runtime}.ILineJsonModel<{schema.Name}>";
        writer.WriteLine(declaration);
        using (writer.Braces())
        {
            if (isBase)
            {
                WriteBaseMembers(writer, schema);
            }
            else if (isDerived)
            {
                writer.WriteLine($"/// <summary>Creates a {schema.Name}; its {schema.Name} discriminator is \"{DocComments.Escape(schema.DiscriminatorValue!)}\".</summary>");
                writer.WriteLine($"public {schema.Name}() : base({TypeNames.Literal(schema.DiscriminatorValue!)})");
                using (writer.Braces())
                {
                }

                writer.WriteLine();
            }

            foreach (var property in schema.Properties)
            {
                WriteProperty(writer, property, schema.MultipartEncoded);
            }

            if (!isDerived)
            {
                WriteAdditionalProperties(writer, isBase);
            }

            WriteModelInterface(writer, schema);
            WriteWriteMethods(writer, schema);
            if (isBase)
            {
                WriteBaseDeserializer(writer, schema);
            }
            else
            {
                WriteDeserializer(writer, schema, schema.Name, unknown: false);
            }

            if (schema.FormEncoded)
            {
                FormEmitter.WriteFormFields(writer, schema);
            }

            if (schema.MultipartEncoded)
            {
                FormEmitter.WriteMultipart(writer, schema);
            }
        }
    }

    private static void WriteBaseMembers(SourceWriter writer, SchemaSpec schema)
    {
        var discriminator = schema.Discriminator!;
        writer.WriteLine($"/// <summary>Creates the part of a {schema.Name} that every kind shares.</summary>");
        writer.WriteLine($"private protected {schema.Name}(string {Naming.ToCamelCase(discriminator.PropertyName)})");
        using (writer.Braces())
        {
            writer.WriteLine($"{discriminator.PropertyName} = {Naming.ToCamelCase(discriminator.PropertyName)};");
        }

        writer.WriteLine();
        writer.WriteLine($"/// <summary>The kind of {schema.Name} (JSON \"{DocComments.Escape(discriminator.JsonName)}\"); a value this version does not know reads as <see cref=\"Unknown{schema.Name}\"/>.</summary>");
        writer.WriteLine($"public string {discriminator.PropertyName} {{ get; }}");
        writer.WriteLine();
    }

    private static void WriteProperty(SourceWriter writer, PropertySpec property, bool multipart)
    {
        DocComments.Summary(writer, property.Description, $"The JSON property \"{property.JsonName}\".");
        if (property.DefaultLiteral is not null)
        {
            DocComments.Element(writer, "remarks", "Default: " + property.DefaultLiteral + ".");
        }

        var typeName = TypeNames.Of(property.Type, multipart);
        if (property.Required && property.DefaultLiteral is not null && DefaultInitializer(property) is { } initializer)
        {
            writer.WriteLine($"public {typeName} {property.PropertyName} {{ get; set; }} = {initializer};");
        }
        else if (property.Required && !property.Nullable && property.Type.Kind != TypeKind.Binary)
        {
            // A file part is not JSON: it is checked when the multipart content is built, not as a required member.
            writer.WriteLine($"public required {typeName} {property.PropertyName} {{ get; set; }}");
        }
        else
        {
            writer.WriteLine($"public {typeName}? {property.PropertyName} {{ get; set; }}");
        }

        writer.WriteLine();
    }

    private static string? DefaultInitializer(PropertySpec property) => property.Type.Kind switch
    {
        TypeKind.String or TypeKind.Boolean or TypeKind.Int32 or TypeKind.Int64 or TypeKind.Double => property.DefaultLiteral,
        TypeKind.Float => property.DefaultLiteral + "f",
        TypeKind.Enum => $"new {TypeNames.Of(property.Type)}({property.DefaultLiteral})",
        _ => null,
    };

    private static void WriteAdditionalProperties(SourceWriter writer, bool isBase)
    {
        writer.WriteLine(isBase
            ? $"private protected {RawDictionary}? _additionalProperties;"
            : $"private {RawDictionary}? _additionalProperties;");
        writer.WriteLine();
        writer.WriteLine("/// <summary>JSON properties this version of the spec does not describe, kept as read and written back unchanged.</summary>");
        writer.WriteLine($"public {TypeNames.Generic}.IDictionary<string, {TypeNames.Json}.JsonElement> AdditionalProperties => _additionalProperties ??= new {RawDictionary}();");
        writer.WriteLine();
    }

    private static void WriteModelInterface(SourceWriter writer, SchemaSpec schema)
    {
        writer.WriteLine($"static {schema.Name} {TypeNames.Runtime}.ILineJsonModel<{schema.Name}>.ReadJson(ref {JsonReader} reader) => Deserialize{schema.Name}(ref reader);");
        writer.WriteLine();
    }

    private static void WriteWriteMethods(SourceWriter writer, SchemaSpec schema)
    {
        var isBase = schema.Kind == SchemaKind.PolymorphicBase;
        var isDerived = schema.BaseType is not null;
        if (!isDerived)
        {
            writer.WriteLine("/// <summary>Writes this object as JSON.</summary>");
            writer.WriteLine($"public {(isBase ? "virtual " : string.Empty)}void WriteJson({JsonWriter} writer)");
            using (writer.Braces())
            {
                writer.WriteLine("writer.WriteStartObject();");
                writer.WriteLine("WriteProperties(writer);");
                writer.WriteLine("writer.WriteEndObject();");
            }

            writer.WriteLine();
        }

        var modifiers = isBase ? "private protected virtual" : isDerived ? "private protected override" : "private";
        writer.WriteLine($"{modifiers} void WriteProperties({JsonWriter} writer)");
        using (writer.Braces())
        {
            if (isDerived)
            {
                writer.WriteLine("base.WriteProperties(writer);");
            }

            if (isBase)
            {
                writer.WriteLine($"writer.WriteString({TypeNames.Utf8Literal(schema.Discriminator!.JsonName)}, {schema.Discriminator.PropertyName});");
            }

            foreach (var property in schema.Properties)
            {
                WritePropertyValue(writer, schema, property);
            }

            if (!isDerived)
            {
                writer.WriteLine($"{TypeNames.Runtime}.LineJsonWriter.WriteAdditionalProperties(writer, _additionalProperties);");
            }
        }

        writer.WriteLine();
    }

    private static void WritePropertyValue(SourceWriter writer, SchemaSpec schema, PropertySpec property)
    {
        if (property.Type.Kind == TypeKind.Binary)
        {
            return;
        }

        var name = TypeNames.Utf8Literal(property.JsonName);
        var isNonNullable = property.Required && !property.Nullable;
        var access = property.PropertyName;
        if (isNonNullable && !property.Type.IsValueType)
        {
            writer.WriteLine($"if ({access} is null)");
            using (writer.Braces())
            {
                writer.WriteLine($"throw {TypeNames.Runtime}.LineJsonWriter.MissingRequired({TypeNames.Literal(schema.Name)}, {TypeNames.Literal(property.PropertyName)});");
            }
        }

        if (!isNonNullable)
        {
            writer.WriteLine($"if ({access} is {{ }} {Local(property)})");
            using (writer.Braces())
            {
                ConstraintChecks.WriteForProperty(writer, schema, property, Local(property));
                writer.WriteLine($"writer.WritePropertyName({name});");
                writer.WriteLine(JsonCode.WriteValue(property.Type, "writer", Local(property)));
            }
        }
        else
        {
            ConstraintChecks.WriteForProperty(writer, schema, property, access);
            writer.WriteLine($"writer.WritePropertyName({name});");
            writer.WriteLine(JsonCode.WriteValue(property.Type, "writer", access));
        }
    }


    private static string Local(PropertySpec property) => TypeNames.Local(property);

    private static void WriteBaseDeserializer(SourceWriter writer, SchemaSpec schema)
    {
        var discriminator = schema.Discriminator!;
        writer.WriteLine($"/// <summary>Reads a {schema.Name} of any kind; finds \"{DocComments.Escape(discriminator.JsonName)}\" wherever it stands in the object.</summary>");
        writer.WriteLine("[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]");
        writer.WriteLine($"public static {schema.Name} Deserialize{schema.Name}(ref {JsonReader} reader)");
        using (writer.Braces())
        {
            writer.WriteLine($"var kind = {TypeNames.Runtime}.LineJsonReader.PeekDiscriminator(reader, {TypeNames.Utf8Literal(discriminator.JsonName)}, {TypeNames.Literal(schema.Name)});");
            writer.WriteLine("switch (kind)");
            using (writer.Braces())
            {
                foreach (var mapping in discriminator.Mappings)
                {
                    var shortName = mapping.TypeFullName.Substring(mapping.TypeFullName.LastIndexOf('.') + 1);
                    writer.WriteLine($"case {TypeNames.Literal(mapping.Value)}:");
                    writer.Indentation++;
                    writer.WriteLine($"return {TypeNames.Global(mapping.TypeFullName)}.Deserialize{shortName}(ref reader);");
                    writer.Indentation--;
                }

                writer.WriteLine("default:");
                writer.Indentation++;
                writer.WriteLine($"return Unknown{schema.Name}.DeserializeUnknown{schema.Name}(ref reader, kind ?? string.Empty);");
                writer.Indentation--;
            }
        }

        writer.WriteLine();
    }

    private static void WriteUnknown(SourceWriter writer, SchemaSpec schema)
    {
        var name = "Unknown" + schema.Name;
        var discriminator = schema.Discriminator!;
        var discriminatorArgument = Naming.ToCamelCase(discriminator.PropertyName);
        writer.WriteLine($"/// <summary>A {schema.Name} of a kind this version does not know. Its shared properties are read; the whole object is kept in <see cref=\"RawJson\"/> and written back unchanged.</summary>");
        writer.WriteLine($"public sealed partial class {name} : {schema.Name}");
        using (writer.Braces())
        {
            writer.WriteLine($"/// <summary>Creates an unknown {schema.Name} from its kind and raw JSON.</summary>");
            writer.WriteLine($"public {name}(string {discriminatorArgument}, {TypeNames.Json}.JsonElement rawJson) : base({discriminatorArgument})");
            using (writer.Braces())
            {
                writer.WriteLine("RawJson = rawJson;");
            }

            writer.WriteLine();
            writer.WriteLine("/// <summary>The object exactly as it was read.</summary>");
            writer.WriteLine($"public {TypeNames.Json}.JsonElement RawJson {{ get; }}");
            writer.WriteLine();
            writer.WriteLine("/// <summary>Writes the object exactly as it was read.</summary>");
            writer.WriteLine($"public override void WriteJson({JsonWriter} writer) => RawJson.WriteTo(writer);");
            writer.WriteLine();
            var unknown = schema with { Name = name, Properties = ImmutableEquatableArray<PropertySpec>.Empty, InheritedProperties = schema.Properties };
            WriteDeserializer(writer, unknown, name, unknown: true);
        }
    }

    private static void WriteDeserializer(SourceWriter writer, SchemaSpec schema, string typeName, bool unknown)
    {
        var all = schema.InheritedProperties.Concat(schema.Properties).ToList();
        var discriminatorName = DiscriminatorJsonName(schema);
        writer.WriteLine($"/// <summary>Reads a {typeName} from the object the reader stands on.</summary>");
        writer.WriteLine("[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]");
        var extra = unknown ? ", string kind" : string.Empty;
        writer.WriteLine($"public static {typeName} Deserialize{typeName}(ref {JsonReader} reader{extra})");
        using (writer.Braces())
        {
            writer.WriteLine($"{TypeNames.Runtime}.LineJsonReader.ExpectStartObject(ref reader, {TypeNames.Literal(typeName)});");
            if (unknown)
            {
                writer.WriteLine("var copy = reader;");
                writer.WriteLine($"var rawJson = {TypeNames.Json}.JsonElement.ParseValue(ref copy);");
            }

            foreach (var property in all)
            {
                if (property.Type.Kind == TypeKind.Binary)
                {
                    continue;
                }

                writer.WriteLine($"{TypeNames.Nullable(property.Type)} {Local(property)} = default;");
            }

            writer.WriteLine($"{RawDictionary}? additionalProperties = null;");
            writer.WriteLine($"while ({TypeNames.Runtime}.LineJsonReader.NextProperty(ref reader))");
            using (writer.Braces())
            {
                foreach (var property in all)
                {
                    if (property.Type.Kind == TypeKind.Binary)
                    {
                        continue;
                    }

                    var names = property.ReadAlso is null
                        ? $"reader.ValueTextEquals({TypeNames.Utf8Literal(property.JsonName)})"
                        : $"reader.ValueTextEquals({TypeNames.Utf8Literal(property.JsonName)}) || reader.ValueTextEquals({TypeNames.Utf8Literal(property.ReadAlso)})";
                    writer.WriteLine($"if ({names})");
                    using (writer.Braces())
                    {
                        writer.WriteLine("reader.Read();");
                        var path = typeName + "." + property.JsonName;
                        var read = property.ReadAlso is not null && property.Type.Kind == TypeKind.Array && property.Type.Element!.Kind == TypeKind.String
                            ? $"{TypeNames.Runtime}.LineJsonReader.ReadStringListOrSpaceDelimited(ref reader, {TypeNames.Literal(path)})"
                            : JsonCode.Read(property.Type, "reader", path);
                        writer.WriteLine(property.Type.Kind is TypeKind.String or TypeKind.Any or TypeKind.Int32 or TypeKind.Int64 or TypeKind.Float or TypeKind.Double or TypeKind.Boolean
                            ? $"{Local(property)} = {read};"
                            : $"{Local(property)} = reader.TokenType == {TypeNames.Json}.JsonTokenType.Null ? default({TypeNames.Nullable(property.Type)}) : {read};");
                        writer.WriteLine("continue;");
                    }
                }

                if (discriminatorName is not null)
                {
                    writer.WriteLine($"if (reader.ValueTextEquals({TypeNames.Utf8Literal(discriminatorName)}))");
                    using (writer.Braces())
                    {
                        writer.WriteLine("reader.Read();");
                        writer.WriteLine("reader.Skip();");
                        writer.WriteLine("continue;");
                    }
                }

                writer.WriteLine($"{TypeNames.Runtime}.LineJsonReader.ReadAdditionalProperty(ref reader, ref additionalProperties);");
            }

            foreach (var property in all.Where(p => p.Required && !p.Nullable && p.DefaultLiteral is null && p.Type.Kind != TypeKind.Binary))
            {
                writer.WriteLine($"if ({Local(property)} is null)");
                using (writer.Braces())
                {
                    writer.WriteLine($"throw {TypeNames.Runtime}.LineJsonReader.MissingProperty({TypeNames.Literal(typeName)}, {TypeNames.Literal(property.JsonName)});");
                }
            }

            var constructor = unknown ? $"new {typeName}(kind, rawJson)" : $"new {typeName}()";
            writer.WriteLine($"var result = {constructor}");
            using (writer.Braces(";"))
            {
                foreach (var property in all)
                {
                    if (property.Type.Kind == TypeKind.Binary)
                    {
                        continue;
                    }

                    var value = Local(property);
                    if (property.Required && !property.Nullable)
                    {
                        if (property.DefaultLiteral is not null && DefaultInitializer(property) is { } initializer)
                        {
                            value = $"{value} ?? {initializer}";
                        }
                        else
                        {
                            value = property.Type.IsValueType ? value + ".Value" : value;
                        }
                    }

                    writer.WriteLine($"{property.PropertyName} = {value},");
                }
            }

            writer.WriteLine("result._additionalProperties = additionalProperties;");
            writer.WriteLine("return result;");
        }

        writer.WriteLine();
    }

    // A derived type's properties never include the discriminator; it is skipped when read and written by the base.
    private static string? DiscriminatorJsonName(SchemaSpec schema)
        => schema.Discriminator?.JsonName ?? schema.BaseDiscriminatorJsonName;
}
