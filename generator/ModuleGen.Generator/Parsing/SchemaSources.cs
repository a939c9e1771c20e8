using System;
using System.Collections.Generic;
using System.Text;
using ModuleGen.Generator.Model;
using YamlDotNet.RepresentationModel;

namespace ModuleGen.Generator.Parsing;

/// <summary>Reads the <see cref="SchemaSource"/> of a spec file.</summary>
internal static class SchemaSources
{
    private static readonly string[] OperationTexts = { "summary", "description" };

    /// <summary>
    /// The file's text with the values of its operations' <c>summary</c> and <c>description</c> cut out: resolving schemas
    /// reads neither (only <see cref="OperationParser"/> does, for the client), and everything else it may read is kept,
    /// so equal schema texts give equal schemas.
    /// </summary>
    public static SchemaSource Read(SpecFileText file)
    {
        if (file.Text is not { } text || LoadedSpecFile.Of(file).Document is not { } document)
        {
            return new SchemaSource(file, file.Text);
        }

        var cuts = new List<(int Start, int End)>();
        foreach (var pathPair in document.Root.ChildMapping("paths")?.Children ?? EmptyMapping)
        {
            if (pathPair.Value is not YamlMappingNode pathItem)
            {
                continue;
            }

            foreach (var method in OperationParser.HttpMethods)
            {
                if (pathItem.Child(method) is not YamlMappingNode operation)
                {
                    continue;
                }

                // From the end of the key to the next key (or the end of the operation), so that the value's style (plain,
                // quoted, block, which may end past its line break) goes with it, and everything else stays.
                int? cutStart = null;
                foreach (var pair in operation.Children)
                {
                    if (cutStart is { } start)
                    {
                        cuts.Add((start, (int)pair.Key.Start.Index));
                        cutStart = null;
                    }

                    if (pair.Key is YamlScalarNode { Value: { } key } && Array.IndexOf(OperationTexts, key) >= 0 && pair.Value is YamlScalarNode)
                    {
                        cutStart = (int)pair.Key.End.Index;
                    }
                }

                if (cutStart is { } last)
                {
                    cuts.Add((last, (int)operation.End.Index));
                }
            }
        }

        if (cuts.Count == 0)
        {
            return new SchemaSource(file, text);
        }

        cuts.Sort();
        var schemaText = new StringBuilder(text.Length);
        var kept = 0;
        foreach (var (start, end) in cuts)
        {
            if (start >= kept && end <= text.Length)
            {
                schemaText.Append(text, kept, start - kept);
                kept = end;
            }
        }

        return new SchemaSource(file, schemaText.Append(text, kept, text.Length - kept).ToString());
    }

    private static readonly IEnumerable<KeyValuePair<YamlNode, YamlNode>> EmptyMapping = new KeyValuePair<YamlNode, YamlNode>[0];
}
