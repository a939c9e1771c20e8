using ModuleGen.Generator.Helpers;

namespace ModuleGen.Generator.Model;

/// <summary>
/// The frozen schemas of all opted-in spec files (phase 1 of parsing), the types each operation's schemas resolved to,
/// and the problems found resolving them.
/// </summary>
/// <remarks>Immutable, structural equality — adding a member that breaks this breaks incremental caching.</remarks>
internal sealed record SchemaCatalogSpec
{
    /// <summary>Every schema, sorted by full name.</summary>
    public required ImmutableEquatableArray<SchemaSpec> Schemas { get; init; }

    /// <summary>Per operation, the types of the schemas it reads.</summary>
    public required ImmutableEquatableArray<OperationSchemaTypes> Operations { get; init; }

    /// <summary>The problems found resolving schemas, in the order they were found.</summary>
    public required ImmutableEquatableArray<PlacedDiagnostic> Diagnostics { get; init; }
}
