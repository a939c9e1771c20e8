using ModuleGen.Generator.Helpers;

namespace ModuleGen.Generator.Model;

/// <summary>Everything the generator learned from the opted-in spec files: clients, schemas and problems.</summary>
/// <remarks>Immutable, structural equality — adding a member that breaks this breaks incremental caching.</remarks>
internal sealed record ApiSpec(
    ImmutableEquatableArray<ClientSpec> Clients,
    ImmutableEquatableArray<SchemaSpec> Schemas,
    ImmutableEquatableArray<DiagnosticInfo> Diagnostics);
