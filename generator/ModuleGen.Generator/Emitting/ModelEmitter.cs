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
    private const string ReadState = TypeNames.Runtime + ".LineJsonReadState";

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

        return writer.Finish();
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

        Header.WriteGeneratedCode(writer);
        writer.WriteLine($"[global::System.Text.Json.Serialization.JsonConverter(typeof({TypeNames.Runtime}.LineJsonModelConverter<{schema.Name}>))]");
        var declaration = isBase
            ? $"public abstract partial class {schema.Name} : {TypeNames.Line}.ILineJsonModel<{schema.Name}>"
            : isDerived
                ? $"public sealed partial class {schema.Name} : {TypeNames.Global(schema.BaseType!)}, {TypeNames.Line}.ILineJsonModel<{schema.Name}>"
                : $"public sealed partial class {schema.Name} : {TypeNames.Line}.ILineJsonModel<{schema.Name}>";
        writer.WriteLine(declaration);
        var patterns = ConstraintChecks.PatternsOf(schema);
        using (writer.Braces())
        {
            patterns.Write(writer);
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
            WriteWriteMethods(writer, schema, patterns);
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
                FormEmitter.WriteFormFields(writer, schema, patterns);
            }

            if (schema.MultipartEncoded)
            {
                FormEmitter.WriteMultipart(writer, schema, patterns);
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
        else if (IsRequiredNonNull(property))
        {
            DocComments.Element(writer, "remarks", property.Type.IsValueType
                ? "Required in a request. Read from JSON that lacks it (or has null), it holds its default and its name is in MissingRequiredProperties."
                : "Required in a request. Read from JSON that lacks it (or has null), it is null and its name is in MissingRequiredProperties.");
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
        var access = isBase ? "private protected" : "private";
        writer.WriteLine($"{access} {RawDictionary}? _additionalProperties;");
        writer.WriteLine();
        writer.WriteLine($"{access} {ReadState}? _readState;");
        writer.WriteLine();
        writer.WriteLine("/// <summary>JSON properties this version of the spec does not describe, kept as read and written back unchanged.</summary>");
        writer.WriteLine($"public {TypeNames.Generic}.IDictionary<string, {TypeNames.Json}.JsonElement> AdditionalProperties => _additionalProperties ??= new {RawDictionary}();");
        writer.WriteLine();
        writer.WriteLine("/// <summary>");
        writer.WriteLine("/// The JSON names of the properties the spec requires that were absent or null when this object was read (empty for an");
        writer.WriteLine("/// object built in code). Reading never fails for them: a server's payloads may lag behind its spec.");
        writer.WriteLine("/// </summary>");
        writer.WriteLine($"public {TypeNames.Generic}.IReadOnlyList<string> MissingRequiredProperties => {ReadState}.MissingOf(_readState);");
        writer.WriteLine();
    }

    private static void WriteModelInterface(SourceWriter writer, SchemaSpec schema)
    {
        writer.WriteLine($"static {schema.Name} {TypeNames.Line}.ILineJsonModel<{schema.Name}>.ReadJson(ref {JsonReader} reader) => Deserialize{schema.Name}(ref reader);");
        writer.WriteLine();
        writer.WriteLine($"void {TypeNames.Line}.ILineJsonModel<{schema.Name}>.Validate() => ValidateProperties();");
        writer.WriteLine();
    }

    private static void WriteWriteMethods(SourceWriter writer, SchemaSpec schema, PatternFields patterns)
    {
        var isBase = schema.Kind == SchemaKind.PolymorphicBase;
        var isDerived = schema.BaseType is not null;
        if (!isDerived)
        {
            writer.WriteLine("/// <summary>Writes this object as JSON, as it is: no constraint is checked here (see <see cref=\"global::ModuleGen.Line.LineJson.Validate{T}\"/>), so an object that was read always writes back.</summary>");
            writer.WriteLine($"public {(isBase ? "virtual " : string.Empty)}void WriteJson({JsonWriter} writer)");
            using (writer.Braces())
            {
                writer.WriteLine("writer.WriteStartObject();");
                writer.WriteLine("WriteProperties(writer);");
                writer.WriteLine("writer.WriteEndObject();");
            }

            writer.WriteLine();
        }

        var modifiers = Modifiers(schema);
        writer.WriteLine($"{modifiers} void WriteProperties({JsonWriter} writer)");
        using (writer.Braces())
        {
            if (isDerived)
            {
                writer.WriteLine("base.WriteProperties(writer);");
            }

            if (isBase)
            {
                writer.WriteLine($"{ReadState}.WriteDiscriminator(_readState, writer, {TypeNames.Utf8Literal(schema.Discriminator!.JsonName)}, {schema.Discriminator.PropertyName});");
            }

            foreach (var property in schema.Properties)
            {
                WritePropertyValue(writer, property);
            }

            if (!isDerived)
            {
                writer.WriteLine($"{TypeNames.Runtime}.LineJsonWriter.WriteAdditionalProperties(writer, _additionalProperties);");
            }
        }

        writer.WriteLine();
        WriteValidateMethod(writer, schema, modifiers, patterns);
    }

    private static string Modifiers(SchemaSpec schema)
        => schema.Kind == SchemaKind.PolymorphicBase ? "private protected virtual" : schema.BaseType is not null ? "private protected override" : "private";

    private static bool IsRequiredNonNull(PropertySpec property) => property.Required && !property.Nullable;

    private static string HoldsDefault(PropertySpec property)
        => $"global::System.Collections.Generic.EqualityComparer<{TypeNames.Of(property.Type)}>.Default.Equals({property.PropertyName}, default)";

    private static string MissingRequired(SchemaSpec schema, PropertySpec property)
        => $"{TypeNames.Runtime}.LineJsonWriter.MissingRequired({TypeNames.Literal(schema.Name)}, {TypeNames.Literal(property.PropertyName)})";

    /// <summary>
    /// Writes one property leniently: a value that is unset (null, or a required value still at its default after a read
    /// that lacked it) is written back the way it was read (an explicit null, or nothing).
    /// </summary>
    private static void WritePropertyValue(SourceWriter writer, PropertySpec property)
    {
        if (property.Type.Kind == TypeKind.Binary)
        {
            return;
        }

        var name = TypeNames.Utf8Literal(property.JsonName);
        var jsonName = TypeNames.Literal(property.JsonName);
        if (IsRequiredNonNull(property) && property.Type.IsValueType)
        {
            writer.WriteLine($"if (!{ReadState}.WroteUnsetValue(_readState, writer, {jsonName}, {HoldsDefault(property)}))");
            using (writer.Braces())
            {
                writer.WriteLine($"writer.WritePropertyName({name});");
                writer.WriteLine(JsonCode.WriteValue(property.Type, "writer", property.PropertyName));
            }

            return;
        }

        writer.WriteLine($"if ({property.PropertyName} is {{ }} {Local(property)})");
        using (writer.Braces())
        {
            writer.WriteLine($"writer.WritePropertyName({name});");
            writer.WriteLine(JsonCode.WriteValue(property.Type, "writer", Local(property)));
        }

        writer.WriteLine("else");
        using (writer.Braces())
        {
            writer.WriteLine($"{ReadState}.WriteNullIfReadAsNull(_readState, writer, {jsonName});");
        }
    }

    /// <summary>
    /// The strict checks of a request, at every depth: required properties present, then the spec's constraints. Kept
    /// apart from writing because inbound and outbound are different contracts even where one schema describes both.
    /// </summary>
    private static void WriteValidateMethod(SourceWriter writer, SchemaSpec schema, string modifiers, PatternFields patterns)
    {
        writer.WriteLine($"{modifiers} void ValidateProperties()");
        using (writer.Braces())
        {
            if (schema.BaseType is not null)
            {
                writer.WriteLine("base.ValidateProperties();");
            }

            foreach (var property in schema.Properties)
            {
                WritePropertyChecks(writer, schema, property, patterns);
            }
        }

        writer.WriteLine();
    }

    private static void WritePropertyChecks(SourceWriter writer, SchemaSpec schema, PropertySpec property, PatternFields patterns)
    {
        if (property.Type.Kind == TypeKind.Binary)
        {
            return;
        }

        var qualifiedName = TypeNames.Literal(schema.Name + "." + property.PropertyName);
        if (IsRequiredNonNull(property) && property.Type.IsValueType)
        {
            // Set in code, a required value is always there; read from JSON that lacked it, it holds a stand-in default.
            writer.WriteLine($"if ({ReadState}.WasMissing(_readState, {TypeNames.Literal(property.JsonName)}) && {HoldsDefault(property)})");
            using (writer.Braces())
            {
                writer.WriteLine($"throw {MissingRequired(schema, property)};");
            }

            ConstraintChecks.WriteForProperty(writer, schema, property, property.PropertyName, patterns);
            return;
        }

        var checks = ConstraintChecks.For(property.Type, property.Constraints, Local(property), qualifiedName, patterns);
        var nested = NestedValidation(property.Type, Local(property), qualifiedName);
        if (IsRequiredNonNull(property))
        {
            writer.WriteLine($"if ({property.PropertyName} is null)");
            using (writer.Braces())
            {
                writer.WriteLine($"throw {MissingRequired(schema, property)};");
            }
        }

        if (checks.Count == 0 && nested is null)
        {
            return;
        }

        writer.WriteLine($"if ({property.PropertyName} is {{ }} {Local(property)})");
        using (writer.Braces())
        {
            foreach (var check in checks)
            {
                writer.WriteLine(check);
            }

            if (nested is not null)
            {
                writer.WriteLine(nested);
            }
        }
    }

    /// <summary>The call that validates the models inside a value (a model, or a list or map of models); null when there are none.</summary>
    private static string? NestedValidation(TypeRef type, string value, string name) => type.Kind switch
    {
        TypeKind.Model => $"{TypeNames.Runtime}.LineJsonValidation.Validate({value});",
        TypeKind.Array when type.Element!.Kind == TypeKind.Model => $"{TypeNames.Runtime}.LineJsonValidation.ValidateAll({value}, {name});",
        TypeKind.Map when type.Element!.Kind == TypeKind.Model => $"{TypeNames.Runtime}.LineJsonValidation.ValidateValues({value}, {name});",
        _ => null,
    };

    private static string Local(PropertySpec property) => TypeNames.Local(property);

    private static void WriteBaseDeserializer(SourceWriter writer, SchemaSpec schema)
    {
        var discriminator = schema.Discriminator!;
        writer.WriteLine($"/// <summary>Reads a {schema.Name} of any kind; finds \"{DocComments.Escape(discriminator.JsonName)}\" wherever it stands in the object.</summary>");
        writer.WriteLine("[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]");
        writer.WriteLine($"public static {schema.Name} Deserialize{schema.Name}(ref {JsonReader} reader)");
        using (writer.Braces())
        {
            writer.WriteLine("var start = reader;");
            writer.WriteLine($"var kind = {TypeNames.Runtime}.LineJsonReader.ReadDiscriminator(ref reader, {TypeNames.Utf8Literal(discriminator.JsonName)}, {TypeNames.Literal(schema.Name)});");
            foreach (var mapping in discriminator.Mappings)
            {
                var shortName = mapping.TypeFullName.Substring(mapping.TypeFullName.LastIndexOf('.') + 1);
                writer.WriteLine($"if ({JsonCode.TextEquals("kind", mapping.Value)})");
                using (writer.Braces())
                {
                    writer.WriteLine($"return {TypeNames.Global(mapping.TypeFullName)}.{MembersReader(shortName)}(ref reader);");
                }
            }

            writer.WriteLine("reader = start;");
            writer.WriteLine($"return Unknown{schema.Name}.DeserializeUnknown{schema.Name}(ref reader, {TypeNames.Runtime}.LineJsonReader.UnknownKind(kind));");
        }

        writer.WriteLine();
    }

    /// <summary>
    /// The internal reader of a sub-type's members, which the base's reader calls once it knows the kind: the reader stands
    /// on the object's start, or on the discriminator's value when the base read it as the first property.
    /// </summary>
    private static string MembersReader(string typeName) => "Read" + typeName + "Members";

    private static void WriteUnknown(SourceWriter writer, SchemaSpec schema)
    {
        var name = "Unknown" + schema.Name;
        var discriminator = schema.Discriminator!;
        var discriminatorArgument = Naming.ToCamelCase(discriminator.PropertyName);
        writer.WriteLine($"/// <summary>A {schema.Name} of a kind this version does not know. Its shared properties are read; the whole object is kept in <see cref=\"RawJson\"/> and written back unchanged.</summary>");
        Header.WriteGeneratedCode(writer);
        writer.WriteLine($"public sealed partial class {name} : {schema.Name}, {TypeNames.Line}.ILineUnknownKind");
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
            writer.WriteLine($"string {TypeNames.Line}.ILineUnknownKind.Kind => {discriminator.PropertyName};");
            writer.WriteLine();
            writer.WriteLine("/// <summary>Writes the object exactly as it was read.</summary>");
            writer.WriteLine($"public override void WriteJson({JsonWriter} writer) => RawJson.WriteTo(writer);");
            writer.WriteLine();
            writer.WriteLine("// Written back exactly as it was read: not this version's to check.");
            writer.WriteLine("private protected override void ValidateProperties()");
            using (writer.Braces())
            {
            }

            writer.WriteLine();
            var unknown = schema with { Name = name, Properties = ImmutableEquatableArray<PropertySpec>.Empty, InheritedProperties = schema.Properties };
            WriteDeserializer(writer, unknown, name, unknown: true);
        }
    }

    private static void WriteDeserializer(SourceWriter writer, SchemaSpec schema, string typeName, bool unknown)
    {
        var isSubType = IsSubType(schema, unknown);
        writer.WriteLine($"/// <summary>Reads a {typeName} from the object the reader stands on.</summary>");
        writer.WriteLine("[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]");
        var extra = unknown ? ", string kind" : string.Empty;
        writer.WriteLine($"public static {typeName} Deserialize{typeName}(ref {JsonReader} reader{extra})");
        using (writer.Braces())
        {
            writer.WriteLine($"{TypeNames.Runtime}.LineJsonReader.ExpectStartObject(ref reader, {TypeNames.Literal(typeName)});");
            if (isSubType)
            {
                writer.WriteLine($"return {MembersReader(typeName)}(ref reader);");
            }
            else
            {
                WriteMembers(writer, schema, typeName, unknown);
            }
        }

        if (isSubType)
        {
            writer.WriteLine();
            writer.WriteLine($"/// <summary>Reads the members of a {typeName}; the reader stands on the object's start, or on its discriminator's value when that was read first.</summary>");
            writer.WriteLine($"internal static {typeName} {MembersReader(typeName)}(ref {JsonReader} reader)");
            using (writer.Braces())
            {
                WriteMembers(writer, schema, typeName, unknown);
            }
        }

        writer.WriteLine();
    }

    /// <summary>The body of a reader: every member of the object up to its end, then the model.</summary>
    private static void WriteMembers(SourceWriter writer, SchemaSpec schema, string typeName, bool unknown)
    {
        var all = schema.InheritedProperties.Concat(schema.Properties).ToList();
        var discriminatorName = DiscriminatorJsonName(schema);
        var isSubType = IsSubType(schema, unknown);
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
        writer.WriteLine($"{ReadState}? readState = null;");
        if (isSubType)
        {
            writer.WriteLine($"var discriminatorSeen = reader.TokenType != {TypeNames.Json}.JsonTokenType.StartObject;");
            writer.WriteLine("if (discriminatorSeen)");
            using (writer.Braces())
            {
                writer.WriteLine(RecordDiscriminator(schema));
            }
        }
        writer.WriteLine($"while ({TypeNames.Runtime}.LineJsonReader.NextProperty(ref reader))");
        using (writer.Braces())
        {
            writer.WriteLine($"var name = {JsonCode.Text("reader")};");
            foreach (var property in all)
            {
                if (property.Type.Kind == TypeKind.Binary)
                {
                    continue;
                }

                var names = property.ReadAlso is null
                    ? JsonCode.TextEquals("name", property.JsonName)
                    : $"{JsonCode.TextEquals("name", property.JsonName)} || {JsonCode.TextEquals("name", property.ReadAlso)}";
                writer.WriteLine($"if ({names})");
                using (writer.Braces())
                {
                    writer.WriteLine("reader.Read();");
                    var path = typeName + "." + property.JsonName;
                    var read = property.ReadAlso is not null && property.Type.Kind == TypeKind.Array && property.Type.Element!.Kind == TypeKind.String
                        ? $"{TypeNames.Runtime}.LineJsonReader.ReadStringListOrSpaceDelimited(ref reader, {TypeNames.Literal(path)})"
                        : JsonCode.Read(property.Type, "reader", path);
                    writer.WriteLine($"if (reader.TokenType == {TypeNames.Json}.JsonTokenType.Null)");
                    using (writer.Braces())
                    {
                        writer.WriteLine($"{Local(property)} = default;");
                        writer.WriteLine($"{ReadState}.RecordNull(ref readState, {TypeNames.Literal(property.JsonName)});");
                    }

                    writer.WriteLine("else");
                    using (writer.Braces())
                    {
                        writer.WriteLine($"{Local(property)} = {read};");
                    }

                    writer.WriteLine("continue;");
                }
            }

            if (discriminatorName is not null)
            {
                writer.WriteLine($"if ({JsonCode.TextEquals("name", discriminatorName)})");
                using (writer.Braces())
                {
                    writer.WriteLine("reader.Read();");
                    if (isSubType)
                    {
                        writer.WriteLine("discriminatorSeen = true;");
                        writer.WriteLine(RecordDiscriminator(schema));
                    }
                    else
                    {
                        writer.WriteLine("reader.Skip();");
                    }

                    writer.WriteLine("continue;");
                }
            }

            writer.WriteLine($"{TypeNames.Runtime}.LineJsonReader.ReadAdditionalProperty(ref reader, ref additionalProperties);");
        }

        if (isSubType)
        {
            writer.WriteLine("if (!discriminatorSeen)");
            using (writer.Braces())
            {
                writer.WriteLine($"{ReadState}.RecordDiscriminatorAbsent(ref readState);");
            }
        }

        foreach (var property in all.Where(p => p.Required && !p.Nullable && p.DefaultLiteral is null && p.Type.Kind != TypeKind.Binary))
        {
            writer.WriteLine($"if ({Local(property)} is null)");
            using (writer.Braces())
            {
                writer.WriteLine($"{ReadState}.RecordMissing(ref readState, {TypeNames.Literal(typeName)}, {TypeNames.Literal(property.JsonName)});");
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
                        value = property.Type.IsValueType ? value + ".GetValueOrDefault()" : value + "!";
                    }
                }

                writer.WriteLine($"{property.PropertyName} = {value},");
            }
        }

        writer.WriteLine("result._additionalProperties = additionalProperties;");
        writer.WriteLine("result._readState = readState;");
        writer.WriteLine("return result;");
    }

    // A known sub-type can be read directly (a list of one sub-type), so it remembers a discriminator that was absent
    // or unusual; an unknown kind keeps its raw JSON anyway.
    private static bool IsSubType(SchemaSpec schema, bool unknown)
        => !unknown && schema.BaseType is not null && schema.DiscriminatorValue is not null;

    private static string RecordDiscriminator(SchemaSpec schema)
        => $"{ReadState}.RecordDiscriminator(ref readState, ref reader, {TypeNames.Utf8Literal(schema.DiscriminatorValue!)});";

    // A derived type's properties never include the discriminator; it is skipped when read and written by the base.
    private static string? DiscriminatorJsonName(SchemaSpec schema)
        => schema.Discriminator?.JsonName ?? schema.BaseDiscriminatorJsonName;
}
