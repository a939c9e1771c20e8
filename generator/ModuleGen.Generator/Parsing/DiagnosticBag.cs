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
        => Add(new DiagnosticInfo(descriptor, args.ToImmutableEquatableArray(), location));

    /// <summary>Records a problem once.</summary>
    public void Add(DiagnosticInfo info)
    {
        if (_seen.Add(info))
        {
            _items.Add(info);
        }
    }

    public void AddRange(IEnumerable<DiagnosticInfo> items)
    {
        foreach (var item in items)
        {
            Add(item);
        }
    }

    /// <summary>The problems recorded so far, in the order they were first recorded.</summary>
    public IReadOnlyList<DiagnosticInfo> Items => _items;

    public ImmutableEquatableArray<DiagnosticInfo> ToArray()
        => _items
            .OrderBy(d => d.Location?.FilePath ?? string.Empty, System.StringComparer.Ordinal)
            .ThenBy(d => d.Location?.StartOffset ?? 0)
            .ThenBy(d => d.Descriptor.Id, System.StringComparer.Ordinal)
            .ToImmutableEquatableArray();
}
