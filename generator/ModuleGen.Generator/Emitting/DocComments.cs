using System.Collections.Generic;
using System.Linq;
using ModuleGen.Generator.Helpers;

namespace ModuleGen.Generator.Emitting;

/// <summary>Writes spec descriptions as XML documentation comments.</summary>
internal static class DocComments
{
    public static string Escape(string text)
        => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    public static void Summary(SourceWriter writer, string? text, string fallback)
        => Element(writer, "summary", string.IsNullOrWhiteSpace(text) ? fallback : text!);

    public static void Element(SourceWriter writer, string element, string text, string? attributes = null)
    {
        var lines = Lines(text).ToList();
        var open = attributes is null ? "<" + element + ">" : "<" + element + " " + attributes + ">";
        if (lines.Count == 1)
        {
            writer.WriteLine("/// " + open + lines[0] + "</" + element + ">");
            return;
        }

        writer.WriteLine("/// " + open);
        foreach (var line in lines)
        {
            writer.WriteLine("/// " + line);
        }

        writer.WriteLine("/// </" + element + ">");
    }

    private static IEnumerable<string> Lines(string text)
        => text.Replace("\r", string.Empty)
            .Split('\n')
            .Select(l => Escape(l.Trim()))
            .Where(l => l.Length > 0)
            .DefaultIfEmpty(string.Empty);
}
