using System.Collections.Generic;
using System.Runtime.CompilerServices;
using YamlDotNet.RepresentationModel;

namespace ModuleGen.Generator.Parsing;

/// <summary>Compares YAML nodes by identity: a node's own equality compares whole subtrees.</summary>
internal sealed class YamlNodeIdentity : IEqualityComparer<YamlNode>
{
    public static YamlNodeIdentity Instance { get; } = new();

    public bool Equals(YamlNode? x, YamlNode? y) => ReferenceEquals(x, y);

    public int GetHashCode(YamlNode obj) => RuntimeHelpers.GetHashCode(obj);
}
