using ModuleGen.Generator.Helpers;
using ModuleGen.Generator.Model;

namespace ModuleGen.Generator.Emitting;

/// <summary>Emits the form-urlencoded and multipart encodings of request models.</summary>
internal static class FormEmitter
{
    private const string Fields = TypeNames.Generic + ".List<" + TypeNames.Generic + ".KeyValuePair<string, string>>";

    /// <summary>Field names are the spec's (snake_case stays snake_case); absent optional fields are omitted.</summary>
    public static void WriteFormFields(SourceWriter writer, SchemaSpec schema, PatternFields patterns)
    {
        writer.WriteLine("/// <summary>The form fields of this request, in spec order; unset optional fields are left out.</summary>");
        writer.WriteLine("[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]");
        writer.WriteLine($"public {TypeNames.Generic}.IReadOnlyList<{TypeNames.Generic}.KeyValuePair<string, string>> ToFormFields()");
        using (writer.Braces())
        {
            writer.WriteLine($"var fields = new {Fields}();");
            foreach (var property in schema.Properties)
            {
                WriteField(writer, schema, property, patterns, "fields.Add(new " + TypeNames.Generic + ".KeyValuePair<string, string>(" + TypeNames.Literal(property.JsonName) + ", {0}));");
            }

            writer.WriteLine("return fields;");
        }

        writer.WriteLine();
    }

    /// <summary>Binary properties become file parts; the others become text parts.</summary>
    public static void WriteMultipart(SourceWriter writer, SchemaSpec schema, PatternFields patterns)
    {
        writer.WriteLine("/// <summary>This request as multipart/form-data; the file parts read the caller's streams, which the caller keeps owning.</summary>");
        writer.WriteLine("[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]");
        writer.WriteLine("public global::System.Net.Http.MultipartFormDataContent ToMultipartContent()");
        using (writer.Braces())
        {
            writer.WriteLine("var content = new global::System.Net.Http.MultipartFormDataContent();");
            foreach (var property in schema.Properties)
            {
                if (property.Type.Kind == TypeKind.Binary)
                {
                    WriteRequiredCheck(writer, schema, property);
                    writer.WriteLine($"if ({property.PropertyName} is {{ }} {Local(property)})");
                    using (writer.Braces())
                    {
                        writer.WriteLine($"{TypeNames.Runtime}.LineMultipart.AddFile(content, {TypeNames.Literal(property.JsonName)}, {Local(property)});");
                    }

                    continue;
                }

                WriteField(writer, schema, property, patterns, $"{TypeNames.Runtime}.LineMultipart.AddText(content, {TypeNames.Literal(property.JsonName)}, {{0}});");
            }

            writer.WriteLine("return content;");
        }

        writer.WriteLine();
    }

    private static void WriteField(SourceWriter writer, SchemaSpec schema, PropertySpec property, PatternFields patterns, string addFormat)
    {
        var text = property.Type.Kind switch
        {
            TypeKind.String => Local(property),
            TypeKind.Enum => Local(property) + ".ToString()",
            TypeKind.Boolean => Local(property) + " ? \"true\" : \"false\"",
            TypeKind.Int32 or TypeKind.Int64 or TypeKind.Float or TypeKind.Double
                => Local(property) + ".ToString(global::System.Globalization.CultureInfo.InvariantCulture)",
            TypeKind.Array when property.Type.Element!.Kind == TypeKind.String => "string.Join(\" \", " + Local(property) + ")",
            _ => null,
        };
        if (text is null)
        {
            writer.WriteLine($"// {property.JsonName}: a {property.Type.Kind} cannot be a form field; it is sent only as JSON.");
            return;
        }

        WriteRequiredCheck(writer, schema, property);
        writer.WriteLine($"if ({property.PropertyName} is {{ }} {Local(property)})");
        using (writer.Braces())
        {
            ConstraintChecks.WriteForProperty(writer, schema, property, Local(property), patterns);
            writer.WriteLine(string.Format(addFormat, text));
        }
    }

    private static void WriteRequiredCheck(SourceWriter writer, SchemaSpec schema, PropertySpec property)
    {
        if (!property.Required || property.Type.IsValueType)
        {
            return;
        }

        writer.WriteLine($"if ({property.PropertyName} is null)");
        using (writer.Braces())
        {
            writer.WriteLine($"throw {TypeNames.Runtime}.LineJsonWriter.MissingRequired({TypeNames.Literal(schema.Name)}, {TypeNames.Literal(property.PropertyName)});");
        }
    }

    private static string Local(PropertySpec property) => TypeNames.Local(property);
}
