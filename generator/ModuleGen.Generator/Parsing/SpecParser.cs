using System.Threading;
using ModuleGen.Generator.Helpers;
using ModuleGen.Generator.Model;

namespace ModuleGen.Generator.Parsing;

/// <summary>
/// Parses the opted-in spec files into one <see cref="ApiSpec"/>, in two phases. Phase 1 locates the operations, builds
/// every schema (components and the inline schemas operations use) and freezes them, <c>allOf</c> merged; phase 2 reads
/// the operations against the frozen <see cref="SchemaSpec"/>s. Never throws for a bad spec.
/// </summary>
internal static class SpecParser
{
    public static ApiSpec Parse(ImmutableEquatableArray<SpecFileText> files, GeneratorOptions options, CancellationToken cancellationToken)
    {
        var diagnostics = new DiagnosticBag();
        var documents = SpecDocumentSet.Load(files, diagnostics);
        var references = new ReferenceFollower(documents, diagnostics);
        cancellationToken.ThrowIfCancellationRequested();

        // Phase 1: every schema, built and frozen.
        var operations = new OperationParser(documents, references, diagnostics);
        var sources = operations.Locate();
        var resolver = new SchemaResolver(documents, references, diagnostics, options.RootNamespace);
        resolver.ResolveAllComponents();
        foreach (var source in sources)
        {
            resolver.ResolveOperationSchemas(source);
        }

        var catalog = resolver.Freeze();
        cancellationToken.ThrowIfCancellationRequested();

        // Phase 2: the operations, read against the frozen schemas.
        foreach (var source in sources)
        {
            operations.Parse(source, catalog);
        }

        return new ApiSpec(operations.BuildClients(options.RootNamespace), catalog.Schemas, diagnostics.ToArray());
    }
}
