using ModuleGen.Generator.Helpers;

namespace ModuleGen.Generator.Model;

/// <summary>One generated client class, with the scoped clients (<c>ForBot</c>) its operations need.</summary>
/// <remarks>Immutable, structural equality — adding a member that breaks this breaks incremental caching.</remarks>
public sealed record ClientSpec(
    string Name,
    string Namespace,
    ImmutableEquatableArray<ScopeSpec> Scopes,
    ImmutableEquatableArray<OperationSpec> Operations);

/// <summary>A header parameter lifted out of the methods into a scoped client (<c>x-modulegen-scope</c>).</summary>
/// <remarks>Immutable, structural equality — adding a member that breaks this breaks incremental caching.</remarks>
public sealed record ScopeSpec(
    string Name,
    string DefaultHeaderName,
    string ArgumentName,
    string? Pattern,
    string? Description);
