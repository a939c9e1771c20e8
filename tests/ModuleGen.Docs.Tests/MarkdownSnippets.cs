using System;
using System.Collections.Generic;
using System.IO;

namespace ModuleGen.Docs.Tests;

/// <summary>One fenced C# block of a Markdown file, with the line its code starts on.</summary>
public sealed record MarkdownSnippet(string File, int Line, string Code)
{
    public override string ToString() => $"{File}:{Line}";
}

/// <summary>Finds the fenced <c>```csharp</c> blocks of a Markdown file.</summary>
public static class MarkdownSnippets
{
    public static IReadOnlyList<MarkdownSnippet> Read(string path)
    {
        var snippets = new List<MarkdownSnippet>();
        var lines = File.ReadAllLines(path);
        for (var i = 0; i < lines.Length; i++)
        {
            if (!lines[i].TrimStart().Equals("```csharp", StringComparison.Ordinal))
            {
                continue;
            }

            var start = i + 1;
            var end = start;
            while (end < lines.Length && !lines[end].TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                end++;
            }

            snippets.Add(new MarkdownSnippet(Path.GetFileName(path), start + 1, string.Join('\n', lines[start..end])));
            i = end;
        }

        return snippets;
    }
}
