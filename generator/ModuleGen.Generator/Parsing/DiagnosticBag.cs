using System.Collections.Generic;
using System.Linq;
using ModuleGen.Generator.Helpers;
using ModuleGen.Generator.Model;

namespace ModuleGen.Generator.Parsing;

/// <summary>Collects spec problems while parsing, in a stable order.</summary>
internal sealed class DiagnosticBag
{
    private readonly List<DiagnosticInfo> _items = new();
    private readonly HashSet<DiagnosticInfo> _seen = new();

    public bool HasErrors { get; private set; }

    public void Add(string id, LocationInfo? location, params string[] args)
    {
        var info = new DiagnosticInfo(id, args.ToImmutableEquatableArray(), location);
        if (_seen.Add(info))
        {
            _items.Add(info);
            HasErrors |= id != "MG0004";
        }
    }

    public ImmutableEquatableArray<DiagnosticInfo> ToArray()
        => _items
            .OrderBy(d => d.Location?.FilePath ?? string.Empty, System.StringComparer.Ordinal)
            .ThenBy(d => d.Location?.StartOffset ?? 0)
            .ThenBy(d => d.Id, System.StringComparer.Ordinal)
            .ToImmutableEquatableArray();
}
