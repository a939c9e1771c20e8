using System;
using System.Globalization;
using System.IO;
using System.Numerics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ModuleGen.Line.Testing.Spec;

/// <summary>
/// Reads YAML as the JSON it denotes, by the YAML 1.2 core schema: plain <c>null</c>/<c>Null</c>/<c>NULL</c>/<c>~</c>/empty,
/// <c>true</c>/<c>false</c> in three casings, decimal, octal (<c>0o</c>) and hexadecimal (<c>0x</c>) integers and floats are
/// typed; a number keeps its spelling (<c>1.0</c> stays a decimal, so an integer schema can refuse it); everything quoted,
/// block-styled or tagged <c>!!str</c> is a string; <c>.inf</c>/<c>.nan</c> and other tags have no JSON and are refused.
/// Independent of the generator's own reader, so the tests do not trust the code they check. The one YAML-to-JSON reader of
/// the repository: the fake platform, the generator tests and the OpenAPI export compile this file.
/// </summary>
internal static class YamlJson
{
    private const string StringTag = "tag:yaml.org,2002:str";
    private static readonly Regex Integer = new(@"^[-+]?[0-9]+$", RegexOptions.CultureInvariant);
    private static readonly Regex Octal = new("^0o[0-7]+$", RegexOptions.CultureInvariant);
    private static readonly Regex Hexadecimal = new("^0x[0-9a-fA-F]+$", RegexOptions.CultureInvariant);
    private static readonly Regex Float = new(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant);
    private static readonly Regex NotANumber = new(@"^([-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN))$", RegexOptions.CultureInvariant);

    /// <param name="reader">The YAML text.</param>
    /// <param name="path">The file name, for error messages.</param>
    public static JsonNode? Read(TextReader reader, string path)
    {
        var stream = new YamlStream();
        stream.Load(reader);

        if (stream.Documents.Count != 1)
        {
            throw new InvalidDataException($"{path}: expected one YAML document, found {stream.Documents.Count}.");
        }

        return Convert(stream.Documents[0].RootNode, path);
    }

    /// <summary>The JSON one YAML node denotes (for a node taken from a stream already loaded).</summary>
    public static JsonNode? ToJson(YamlNode node) => Convert(node, "(yaml)");

    private static JsonNode? Convert(YamlNode node, string path) => node switch
    {
        YamlMappingNode mapping => ConvertMapping(mapping, path),
        YamlSequenceNode sequence => ConvertSequence(sequence, path),
        YamlScalarNode scalar => ConvertScalar(scalar),
        _ => throw new InvalidDataException($"{path}({node.Start.Line}): unsupported YAML node {node.NodeType}."),
    };

    private static JsonObject ConvertMapping(YamlMappingNode mapping, string path)
    {
        var result = new JsonObject();
        foreach (var (key, value) in mapping.Children)
        {
            if (key is not YamlScalarNode { Value: { } name })
            {
                throw new InvalidDataException($"{path}({key.Start.Line}): a mapping key must be a scalar.");
            }

            if (result.ContainsKey(name))
            {
                throw new InvalidDataException($"{path}({key.Start.Line}): duplicate key '{name}'.");
            }

            result[name] = Convert(value, path);
        }

        return result;
    }

    private static JsonArray ConvertSequence(YamlSequenceNode sequence, string path)
    {
        var result = new JsonArray();
        foreach (var item in sequence.Children)
        {
            result.Add(Convert(item, path));
        }

        return result;
    }

    private static JsonNode? ConvertScalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? string.Empty;
        if (scalar.Style != ScalarStyle.Plain || (!scalar.Tag.IsEmpty && scalar.Tag.Value is StringTag or "!"))
        {
            return JsonValue.Create(text);
        }

        if (!scalar.Tag.IsEmpty)
        {
            throw new InvalidDataException($"The tag {scalar.Tag.Value} at {scalar.Start} is not read.");
        }

        switch (text)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return null;
            case "true" or "True" or "TRUE":
                return JsonValue.Create(true);
            case "false" or "False" or "FALSE":
                return JsonValue.Create(false);
        }

        if (Integer.IsMatch(text))
        {
            // Through BigInteger: '+5' and '007' are YAML integers but not JSON; the JSON text keeps any size.
            return JsonNode.Parse(BigInteger.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture));
        }

        if (Octal.IsMatch(text) || Hexadecimal.IsMatch(text))
        {
            return JsonValue.Create(System.Convert.ToInt64(text[2..], text[1] == 'o' ? 8 : 16));
        }

        if (Float.IsMatch(text))
        {
            // A decimal keeps the spelling's scale (1.0 stays 1.0); JSON has no leading '+' or bare '.5', so normalise those.
            return JsonValue.Create(decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture));
        }

        if (NotANumber.IsMatch(text))
        {
            throw new InvalidDataException($"{text} at {scalar.Start} has no JSON value.");
        }

        return JsonValue.Create(text);
    }
}
