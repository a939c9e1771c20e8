using System;
using System.Globalization;
using System.Linq;
using System.Numerics;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ModuleGen.Generator.Tests.Infrastructure;

/// <summary>
/// The JSON value a YAML node denotes under the YAML 1.2 core schema, the one OpenAPI 3.0 names: only a plain
/// scalar is typed by its text, so <c>'20190418'</c> stays a string while <c>20190418</c> is an integer. Done here,
/// not by NJsonSchema.Yaml, which turns every scalar into a string before JSON sees it.
/// </summary>
internal static class YamlJson
{
    private static readonly Regex Null = new("^(~|null|Null|NULL|)$", RegexOptions.CultureInvariant);
    private static readonly Regex True = new("^(true|True|TRUE)$", RegexOptions.CultureInvariant);
    private static readonly Regex False = new("^(false|False|FALSE)$", RegexOptions.CultureInvariant);
    private static readonly Regex Decimal = new("^[-+]?[0-9]+$", RegexOptions.CultureInvariant);
    private static readonly Regex Octal = new("^0o[0-7]+$", RegexOptions.CultureInvariant);
    private static readonly Regex Hexadecimal = new("^0x[0-9a-fA-F]+$", RegexOptions.CultureInvariant);
    private static readonly Regex Float = new(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant);
    private static readonly Regex NotANumber = new(@"^([-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN))$", RegexOptions.CultureInvariant);

    private const string StringTag = "tag:yaml.org,2002:str";

    public static JToken ToJson(YamlNode node) => node switch
    {
        YamlMappingNode mapping => new JObject(mapping.Children.Select(entry => new JProperty(Key(entry.Key), ToJson(entry.Value)))),
        YamlSequenceNode sequence => new JArray(sequence.Children.Select(ToJson)),
        YamlScalarNode scalar => Scalar(scalar),
        _ => throw new NotSupportedException($"A {node.GetType().Name} at {node.Start} has no JSON value."),
    };

    private static string Key(YamlNode key)
        => key is YamlScalarNode { Value: { } value } ? value : throw new NotSupportedException($"A mapping key at {key.Start} is not a scalar.");

    private static JToken Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? string.Empty;
        if (scalar.Style != ScalarStyle.Plain || (!scalar.Tag.IsEmpty && scalar.Tag.Value is StringTag or "!"))
        {
            return new JValue(text);
        }

        if (!scalar.Tag.IsEmpty)
        {
            throw new NotSupportedException($"The tag {scalar.Tag.Value} at {scalar.Start} is not read.");
        }

        if (Null.IsMatch(text))
        {
            return JValue.CreateNull();
        }

        if (True.IsMatch(text) || False.IsMatch(text))
        {
            return new JValue(True.IsMatch(text));
        }

        if (Decimal.IsMatch(text))
        {
            var integer = BigInteger.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            return integer >= long.MinValue && integer <= long.MaxValue ? new JValue((long)integer) : new JValue(integer);
        }

        if (Octal.IsMatch(text) || Hexadecimal.IsMatch(text))
        {
            return new JValue(Convert.ToInt64(text[2..], text[1] == 'o' ? 8 : 16));
        }

        if (Float.IsMatch(text))
        {
            return new JValue(decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture));
        }

        if (NotANumber.IsMatch(text))
        {
            throw new NotSupportedException($"{text} at {scalar.Start} has no JSON value.");
        }

        return new JValue(text);
    }
}
