using System.Collections.Generic;
using ModuleGen.Generator.Model;
using YamlDotNet.RepresentationModel;

namespace ModuleGen.Generator.Parsing;

/// <summary>
/// Numbers a document's nodes in pre-order (each key before its value), so that a place found in one version of a file
/// can be found again in another version with the same structure.
/// </summary>
internal static class NodeOrdinals
{
    /// <summary>The ordinal of the first node at <paramref name="location"/>; -1 for none.</summary>
    public static int Of(YamlNode root, LocationInfo location)
    {
        var ordinal = 0;
        foreach (var node in PreOrder(root))
        {
            if (node.Start.Index == location.StartOffset && node.End.Index == location.EndOffset)
            {
                return ordinal;
            }

            ordinal++;
        }

        return -1;
    }

    /// <summary>The node of that ordinal; null for none.</summary>
    public static YamlNode? At(YamlNode root, int ordinal)
    {
        foreach (var node in PreOrder(root))
        {
            if (ordinal-- == 0)
            {
                return node;
            }
        }

        return null;
    }

    private static IEnumerable<YamlNode> PreOrder(YamlNode root)
    {
        // An alias is the anchored node itself: each node is numbered once.
        var visited = new HashSet<YamlNode>(YamlNodeIdentity.Instance);
        var pending = new Stack<YamlNode>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            if (!visited.Add(node))
            {
                continue;
            }

            yield return node;
            switch (node)
            {
                case YamlMappingNode mapping:
                    var pairs = new List<KeyValuePair<YamlNode, YamlNode>>(mapping.Children);
                    for (var i = pairs.Count - 1; i >= 0; i--)
                    {
                        pending.Push(pairs[i].Value);
                        pending.Push(pairs[i].Key);
                    }

                    break;
                case YamlSequenceNode sequence:
                    for (var i = sequence.Children.Count - 1; i >= 0; i--)
                    {
                        pending.Push(sequence.Children[i]);
                    }

                    break;
            }
        }
    }
}
