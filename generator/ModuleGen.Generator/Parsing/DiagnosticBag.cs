using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using ModuleGen.Generator.Helpers;
using ModuleGen.Generator.Model;

namespace ModuleGen.Generator.Parsing;

/// <summary>Collects spec problems while parsing, in a stable order.</summary>
internal sealed class DiagnosticBag
{
    private readonly List<DiagnosticInfo> _items = new();
    private readonly HashSet<DiagnosticInfo> _seen = new();

    /// <summary>Records a problem once; <paramref name="args"/> fill the placeholders of the descriptor's message.</summary>
    public void Add(DiagnosticDescriptor descriptor, LocationInfo? location, params string[] args)
    {
        var info = new DiagnosticInfo(descriptor, args.ToImmutableEquatableArray(), location);
        if (_seen.Add(info))
        {
            _items.Add(info);
        }
    }

    public ImmutableEquatableArray<DiagnosticInfo> ToArray()
        => _items
            .OrderBy(d => d.Location?.FilePath ?? string.Empty, System.StringComparer.Ordinal)
            .ThenBy(d => d.Location?.StartOffset ?? 0)
            .ThenBy(d => d.Descriptor.Id, System.StringComparer.Ordinal)
            .ToImmutableEquatableArray();
}
