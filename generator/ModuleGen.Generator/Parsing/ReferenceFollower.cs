using System;
using System.Collections.Generic;
using ModuleGen.Generator.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace ModuleGen.Generator.Parsing;

/// <summary>
/// The one follower of <c>$ref</c>s, for schemas, parameters, request bodies and responses alike: reports a reference
/// that names nothing (MG0003) and a chain that leads back to itself (MG0008).
/// </summary>
internal sealed class ReferenceFollower
{
    private readonly SpecDocumentSet _documents;
    private readonly DiagnosticBag _diagnostics;
    private readonly HashSet<string> _entered = new(StringComparer.Ordinal);

    public ReferenceFollower(SpecDocumentSet documents, DiagnosticBag diagnostics)
    {
        _documents = documents;
        _diagnostics = diagnostics;
    }

    /// <summary>One hop: the node <paramref name="reference"/> names, or null when it names nothing (reported).</summary>
    public ResolvedNode? Step(YamlNode node, string reference, SpecDocument document)
    {
        var resolved = _documents.Resolve(reference, document);
        if (resolved is null)
        {
            _diagnostics.Add(DiagnosticDescriptors.UnresolvedReference, node.Child("$ref")!.Location(document.Path), reference, _documents.WhyUnresolved(reference));
        }

        return resolved;
    }

    /// <summary>
    /// Every hop: the first node of the chain that is not a <c>$ref</c> (the node itself when it is none), or null when a
    /// reference names nothing or the chain leads back to itself (both reported).
    /// </summary>
    public (YamlNode? Node, SpecDocument Document) Follow(YamlNode node, SpecDocument document)
    {
        HashSet<string>? visited = null;
        while (node.ChildString("$ref") is { } reference)
        {
            if (Step(node, reference, document) is not { } next)
            {
                return (null, document);
            }

            // Most nodes hold no $ref at all: the set is made for the ones that do.
            visited ??= new HashSet<string>(StringComparer.Ordinal);
            if (!visited.Add(Key(next)))
            {
                ReportCycle(node, reference, document);
                return (null, document);
            }

            node = next.Node;
            document = next.Document;
        }

        return (node, document);
    }

    /// <summary>
    /// Marks <paramref name="target"/> as being followed by a recursive reader (the schema resolver); false when it already
    /// is, which means the reader has come back to it through its own references.
    /// </summary>
    public bool TryEnter(ResolvedNode target) => _entered.Add(Key(target));

    public void Leave(ResolvedNode target) => _entered.Remove(Key(target));

    public bool IsEntered(ResolvedNode target) => _entered.Contains(Key(target));

    public void ReportCycle(YamlNode node, string reference, SpecDocument document)
        => _diagnostics.Add(DiagnosticDescriptors.InvalidValue, node.Child("$ref")!.Location(document.Path), $"The $ref '{reference}'", "it leads back to itself");

    /// <summary>Identifies a referenced node across documents: its file name and JSON pointer.</summary>
    public static string Key(ResolvedNode target) => target.Document.FileName + "#" + target.Pointer;
}
