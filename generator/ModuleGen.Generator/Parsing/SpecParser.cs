using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using ModuleGen.Generator.Helpers;
using ModuleGen.Generator.Model;

namespace ModuleGen.Generator.Parsing;

/// <summary>
/// Parses the opted-in spec files into one <see cref="ApiSpec"/>, in two phases, each its own pipeline step. Phase 1
/// (<see cref="ResolveSchemas"/>) locates the operations, builds every schema (components and the inline schemas
/// operations use) and freezes them, <c>allOf</c> merged; phase 2 (<see cref="Parse"/>) reads the operations against
/// the frozen <see cref="SchemaSpec"/>s. Phase 1 reads no operation's summary or description, so editing one leaves its
/// step cached. Never throws for a bad spec.
/// </summary>
internal static class SpecParser
{
    /// <summary>Phase 1: every schema, built and frozen, and the types of the schemas each operation reads.</summary>
    public static SchemaCatalogSpec ResolveSchemas(ImmutableEquatableArray<SpecFileText> files, GeneratorOptions options, CancellationToken cancellationToken)
    {
        // Loading and locating report their problems in phase 2, which does both again for the current text.
        var reportedByParse = new DiagnosticBag();
        var documents = SpecDocumentSet.Load(files, reportedByParse);
        var sources = new OperationParser(documents, new ReferenceFollower(documents, reportedByParse), reportedByParse).Locate();
        cancellationToken.ThrowIfCancellationRequested();

        var diagnostics = new DiagnosticBag();
        var resolver = new SchemaResolver(documents, new ReferenceFollower(documents, diagnostics), diagnostics, options.RootNamespace);
        resolver.ResolveAllComponents();
        var operations = sources
            .Select(source => new OperationSchemaTypes(source.OperationId, resolver.ResolveOperationSchemas(source)))
            .ToImmutableEquatableArray();
        var catalog = resolver.Freeze();
        return new SchemaCatalogSpec
        {
            Schemas = catalog.Schemas,
            Operations = operations,
            Diagnostics = diagnostics.Items
                .Select(item => new PlacedDiagnostic(item, item.Location is { } location && documents.Find(location.FilePath) is { } document ? NodeOrdinals.Of(document.Root, location) : -1))
                .ToImmutableEquatableArray(),
        };
    }

    /// <summary>Phase 2: the operations, read against the frozen schemas of phase 1, and every problem found.</summary>
    public static ApiSpec Parse(ImmutableEquatableArray<SpecFileText> files, SchemaCatalogSpec schemas, GeneratorOptions options, CancellationToken cancellationToken)
    {
        var diagnostics = new DiagnosticBag();
        var documents = SpecDocumentSet.Load(files, diagnostics);
        var operations = new OperationParser(documents, new ReferenceFollower(documents, diagnostics), diagnostics);
        var sources = operations.Locate();
        var locatedCount = diagnostics.Items.Count;
        var types = schemas.Operations.ToDictionary(operation => operation.OperationId, operation => operation.Types, StringComparer.Ordinal);
        var catalog = new SchemaCatalog(schemas.Schemas);
        cancellationToken.ThrowIfCancellationRequested();

        foreach (var source in sources)
        {
            if (types.TryGetValue(source.OperationId, out var schemaTypes))
            {
                source.SetSchemaTypes(schemaTypes);
            }

            operations.Parse(source, catalog);
        }

        var clients = operations.BuildClients(options.RootNamespace);

        // In the order one pass over both phases found them: loading and locating, schemas, operations.
        var all = new DiagnosticBag();
        all.AddRange(diagnostics.Items.Take(locatedCount));
        all.AddRange(schemas.Diagnostics.Select(placed => Relocate(placed, documents)));
        all.AddRange(diagnostics.Items.Skip(locatedCount));
        return new ApiSpec(clients, catalog.Schemas, all.ToArray());
    }

    /// <summary>A phase 1 problem at the current place of its node: phase 1 may have read an earlier text of the file.</summary>
    private static DiagnosticInfo Relocate(PlacedDiagnostic placed, SpecDocumentSet documents)
        => placed.NodeOrdinal >= 0
           && placed.Info.Location is { } location
           && documents.Find(location.FilePath) is { } document
           && NodeOrdinals.At(document.Root, placed.NodeOrdinal) is { } node
            ? placed.Info with { Location = node.Location(location.FilePath) }
            : placed.Info;
}
