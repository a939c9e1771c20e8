using ModuleGen.Generator.Helpers;

namespace ModuleGen.Generator.Model;

/// <summary>Everything the generator learned from the opted-in spec files: clients, schemas and problems.</summary>
/// <remarks>Immutable, structural equality — adding a member that breaks this breaks incremental caching.</remarks>
public sealed record ApiSpec(
    ImmutableEquatableArray<ClientSpec> Clients,
    ImmutableEquatableArray<SchemaSpec> Schemas,
    ImmutableEquatableArray<DiagnosticInfo> Diagnostics)
{
    public static ApiSpec Empty { get; } = new(
        ImmutableEquatableArray<ClientSpec>.Empty,
        ImmutableEquatableArray<SchemaSpec>.Empty,
        ImmutableEquatableArray<DiagnosticInfo>.Empty);
}
