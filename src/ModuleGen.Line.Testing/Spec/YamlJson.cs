using System;
using System.Globalization;
using System.IO;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ModuleGen.Line.Testing.Spec;

/// <summary>
/// Reads a YAML document as the JSON it denotes (YAML 1.2 core schema: plain <c>true</c>/<c>false</c>, <c>null</c>/<c>~</c>/empty,
/// integers and floats are typed; everything quoted or block-styled is a string). Independent of the generator's own reader,
/// so the tests do not trust the code they check.
/// </summary>
internal static class YamlJson
{
    private static readonly Regex Integer = new(@"^[-+]?[0-9]+$", RegexOptions.CultureInvariant);
    private static readonly Regex Float = new(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant);

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
        if (scalar.Style != ScalarStyle.Plain)
        {
            return JsonValue.Create(text);
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

        if (Integer.IsMatch(text) && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            return JsonValue.Create(integer);
        }

        if (Float.IsMatch(text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return JsonValue.Create(number);
        }

        return JsonValue.Create(text);
    }
}
