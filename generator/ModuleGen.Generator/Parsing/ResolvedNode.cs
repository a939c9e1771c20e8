using YamlDotNet.RepresentationModel;

namespace ModuleGen.Generator.Parsing;

/// <summary>A node found by following a <c>$ref</c>, with the document it lives in and its JSON pointer.</summary>
internal readonly struct ResolvedNode
{
    public ResolvedNode(SpecDocument document, YamlNode node, string pointer)
    {
        Document = document;
        Node = node;
        Pointer = pointer;
    }

    public SpecDocument Document { get; }

    public YamlNode Node { get; }

    public string Pointer { get; }

    /// <summary>The last segment of the pointer: the component name.</summary>
    public string Name => Pointer.Substring(Pointer.LastIndexOf('/') + 1);
}
