using System.Collections.Generic;
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
        var lines = Lines(text);
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

    /// <summary>The non-blank lines of <paramref name="text"/>, trimmed and escaped; one empty line when there are none.</summary>
    private static List<string> Lines(string text)
    {
        var lines = new List<string>(1);
        var start = 0;
        while (true)
        {
            var end = text.IndexOf('\n', start);
            var piece = end < 0
                ? start == 0 ? text : text.Substring(start)
                : text.Substring(start, end - start);
            var line = Escape(piece.Replace("\r", string.Empty).Trim());
            if (line.Length > 0)
            {
                lines.Add(line);
            }

            if (end < 0)
            {
                break;
            }

            start = end + 1;
        }

        if (lines.Count == 0)
        {
            lines.Add(string.Empty);
        }

        return lines;
    }
}
