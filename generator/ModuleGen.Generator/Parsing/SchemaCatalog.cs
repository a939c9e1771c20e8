using System;
using System.Collections.Generic;
using System.Linq;
using ModuleGen.Generator.Helpers;
using ModuleGen.Generator.Model;

namespace ModuleGen.Generator.Parsing;

/// <summary>
/// Every schema, frozen at the end of phase 1 (<c>allOf</c> members merged, sub-types linked): what phase 2 reads
/// operations against, and the schemas of the <see cref="ApiSpec"/>.
/// </summary>
internal sealed class SchemaCatalog
{
    private readonly Dictionary<string, SchemaSpec> _byFullName;

    public SchemaCatalog(ImmutableEquatableArray<SchemaSpec> schemas)
    {
        Schemas = schemas;
        _byFullName = schemas.ToDictionary(schema => schema.FullName, StringComparer.Ordinal);
    }

    /// <summary>Every schema, sorted by full name.</summary>
    public ImmutableEquatableArray<SchemaSpec> Schemas { get; }

    /// <summary>The schema of that full name; null for none (or one left out of the model, already reported).</summary>
    public SchemaSpec? Find(string fullName) => _byFullName.TryGetValue(fullName, out var schema) ? schema : null;
}
