using System.Globalization;
using ModuleGen.Generator.Model;
using YamlDotNet.RepresentationModel;

namespace ModuleGen.Generator.Parsing;

/// <summary>
/// The one place that reads a schema's annotating keywords: its constraints, its description and its default. Callers
/// pass the schema the keywords live on (the end of a <c>$ref</c> chain, see <see cref="ReferenceFollower.Follow"/>).
/// </summary>
internal static class SchemaKeywords
{
    /// <summary>The validation keywords as written (numbers as invariant text); all null for a null schema.</summary>
    public static ConstraintSpec Constraints(YamlNode? schema)
        => new ConstraintSpec
        {
            Minimum = schema.ChildNumberText("minimum"),
            Maximum = schema.ChildNumberText("maximum"),
            MinLength = schema.ChildInt("minLength"),
            MaxLength = schema.ChildInt("maxLength"),
            Pattern = schema.ChildString("pattern"),
            MinItems = schema.ChildInt("minItems"),
            MaxItems = schema.ChildInt("maxItems"),
        };

    /// <summary>The <c>description</c> (or, lacking one, the <c>summary</c>), trimmed.</summary>
    public static string? Description(YamlNode node)
    {
        var text = node.ChildString("description") ?? node.ChildString("summary");
        return text?.Trim();
    }

    /// <summary>The default as C# source text (used in documentation and optional arguments).</summary>
    public static string? DefaultLiteral(YamlNode? schema)
    {
        if (schema.Child("default") is not YamlScalarNode scalar || scalar.Value is null)
        {
            return null;
        }

        var type = schema.ChildString("type");
        return type switch
        {
            "boolean" => scalar.Value.ToLowerInvariant() == "true" ? "true" : "false",
            "integer" or "number" when double.TryParse(scalar.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out _) => scalar.Value,
            _ => "\"" + scalar.Value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"",
        };
    }
}
