using ModuleGen.Generator.Helpers;

namespace ModuleGen.Generator.Model;

/// <summary>One generated client class, with the scoped clients (<c>ForBot</c>) its operations need.</summary>
/// <remarks>Immutable, structural equality — adding a member that breaks this breaks incremental caching.</remarks>
internal sealed record ClientSpec
{
    /// <summary>The class name.</summary>
    public required string Name { get; init; }

    /// <summary>The namespace (the root namespace).</summary>
    public required string Namespace { get; init; }

    /// <summary>The scoped clients, sorted by name.</summary>
    public required ImmutableEquatableArray<ScopeSpec> Scopes { get; init; }

    /// <summary>The operations, sorted by method name.</summary>
    public required ImmutableEquatableArray<OperationSpec> Operations { get; init; }
}
