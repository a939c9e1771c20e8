using System;
using System.Collections.Generic;
using System.IO;
using ModuleGen.Generator.Diagnostics;
using ModuleGen.Generator.Model;
using YamlDotNet.RepresentationModel;

namespace ModuleGen.Generator.Parsing;

/// <summary>
/// The set of opted-in spec files. A <c>$ref</c> names a file by its file name (any folder part is ignored), so
/// references resolve only within this set, whatever the layout of the consuming project.
/// </summary>
internal sealed class SpecDocumentSet
{
    private readonly Dictionary<string, SpecDocument> _byFileName = new(StringComparer.Ordinal);
    private readonly Dictionary<(SpecDocument From, string Reference), ResolvedNode?> _resolved = new();

    public List<SpecDocument> Documents { get; } = new();

    public static SpecDocumentSet Load(IEnumerable<SpecFileText> files, DiagnosticBag diagnostics)
    {
        var set = new SpecDocumentSet();
        foreach (var file in files)
        {
            var loaded = LoadedSpecFile.Of(file);
            diagnostics.AddRange(loaded.Problems);
            if (loaded.Document is not { } document)
            {
                continue;
            }

            if (set._byFileName.ContainsKey(document.FileName))
            {
                diagnostics.Add(
                    DiagnosticDescriptors.InvalidValue,
                    document.Root.Location(document.Path),
                    $"The spec file '{document.Path}'",
                    $"another opted-in spec file is also named '{document.FileName}'; $ref resolves by file name");
                continue;
            }

            set._byFileName.Add(document.FileName, document);
            set.Documents.Add(document);
        }

        set.Documents.Sort((left, right) => string.CompareOrdinal(left.FileName, right.FileName));
        return set;
    }

    /// <summary>The loaded document at <paramref name="path"/>; null for none.</summary>
    public SpecDocument? Find(string path)
        => Documents.Find(document => string.Equals(document.Path, path, StringComparison.Ordinal));

    /// <summary>
    /// Why <paramref name="reference"/> did not resolve, as the end of an MG0003 message: a file that is not among the
    /// opted-in spec files (the usual cause: it exists but was not opted in), or a pointer that names nothing.
    /// </summary>
    public string WhyUnresolved(string reference)
    {
        var hash = reference.IndexOf('#');
        var filePart = hash < 0 ? reference : reference.Substring(0, hash);
        return filePart.Length > 0 && !_byFileName.ContainsKey(Path.GetFileName(filePart))
            ? $": '{Path.GetFileName(filePart)}' is not an opted-in spec file (opt it in with <ModuleGenSpec Include=\"…/{Path.GetFileName(filePart)}\" /> or put it under $(ModuleGenSpecDirectory))"
            : ": the pointer names nothing in the opted-in spec files";
    }

    /// <summary>Follows <paramref name="reference"/> from <paramref name="from"/>; null when it points nowhere.</summary>
    /// <remarks>The documents never change once loaded, so each reference is followed once per document it is written in.</remarks>
    public ResolvedNode? Resolve(string reference, SpecDocument from)
    {
        if (!_resolved.TryGetValue((from, reference), out var resolved))
        {
            resolved = Follow(reference, from);
            _resolved.Add((from, reference), resolved);
        }

        return resolved;
    }

    private ResolvedNode? Follow(string reference, SpecDocument from)
    {
        var hash = reference.IndexOf('#');
        var filePart = hash < 0 ? reference : reference.Substring(0, hash);
        var pointer = hash < 0 ? string.Empty : reference.Substring(hash + 1);

        SpecDocument document;
        if (filePart.Length == 0)
        {
            document = from;
        }
        else if (!_byFileName.TryGetValue(Path.GetFileName(filePart), out document!))
        {
            return null;
        }

        YamlNode current = document.Root;
        if (pointer.Length == 0 || pointer == "/")
        {
            return new ResolvedNode(document, current, "/");
        }

        foreach (var rawSegment in pointer.TrimStart('/').Split('/'))
        {
            var segment = Uri.UnescapeDataString(rawSegment).Replace("~1", "/").Replace("~0", "~");
            var next = current.Child(segment);
            if (next is null)
            {
                return null;
            }

            current = next;
        }

        return new ResolvedNode(document, current, pointer);
    }
}
