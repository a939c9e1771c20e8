using System;
using System.Globalization;
using ModuleGen.Generator.Model;
using YamlDotNet.RepresentationModel;

namespace ModuleGen.Generator.Parsing;

/// <summary>Small typed accessors over YamlDotNet's representation model.</summary>
internal static class YamlExtensions
{
    // The key a lookup compares with (by tag and value): one per thread, reused, so that the tens of thousands of lookups
    // of a run allocate nothing. It is never stored in a mapping.
    [ThreadStatic]
    private static YamlScalarNode? t_lookupKey;

    public static YamlNode? Child(this YamlNode? node, string key)
    {
        if (node is not YamlMappingNode mapping)
        {
            return null;
        }

        var lookupKey = t_lookupKey ??= new YamlScalarNode();
        lookupKey.Value = key;
        return mapping.Children.TryGetValue(lookupKey, out var value) ? value : null;
    }

    /// <summary>The text of a mapping key, or null when the key is not a plain scalar (a list used as a key, say).</summary>
    public static string? KeyText(this YamlNode key) => key is YamlScalarNode { Value: { } value } ? value : null;

    public static YamlMappingNode? ChildMapping(this YamlNode? node, string key) => node.Child(key) as YamlMappingNode;

    public static YamlSequenceNode? ChildSequence(this YamlNode? node, string key) => node.Child(key) as YamlSequenceNode;

    public static string? ChildString(this YamlNode? node, string key)
        => node.Child(key) is YamlScalarNode scalar && scalar.Value is { } value && !IsNullScalar(scalar) ? value : null;

    public static bool ChildBool(this YamlNode? node, string key, bool defaultValue = false)
    {
        var text = node.ChildString(key);
        return text is null ? defaultValue : text is "true" or "True" or "TRUE";
    }

    public static int? ChildInt(this YamlNode? node, string key)
        => int.TryParse(node.ChildString(key), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    public static string? ChildNumberText(this YamlNode? node, string key)
    {
        var text = node.ChildString(key);
        return text is not null && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _) ? text : null;
    }

    public static bool IsNullScalar(YamlScalarNode scalar)
        => scalar.Style == YamlDotNet.Core.ScalarStyle.Plain && scalar.Value is "~" or "null" or "Null" or "NULL" or "";

    public static LocationInfo Location(this YamlNode node, string path)
        => new LocationInfo
        {
            FilePath = path,
            StartOffset = (int)node.Start.Index,
            EndOffset = (int)node.End.Index,
            StartLine = (int)node.Start.Line - 1,
            StartColumn = (int)node.Start.Column - 1,
            EndLine = (int)node.End.Line - 1,
            EndColumn = (int)node.End.Column - 1,
        };

    /// <summary>The location of a mapping's key (points at the name, which reads best in an error list).</summary>
    public static LocationInfo KeyLocation(this YamlMappingNode parent, string key, string path)
    {
        foreach (var pair in parent.Children)
        {
            if (pair.Key is YamlScalarNode scalar && scalar.Value == key)
            {
                return pair.Key.Location(path);
            }
        }

        return parent.Location(path);
    }
}
