namespace ModuleGen.Generator.Model;

/// <summary>A header parameter lifted out of the methods into a scoped client (<c>x-modulegen-scope</c>).</summary>
/// <remarks>Immutable, structural equality — adding a member that breaks this breaks incremental caching.</remarks>
internal sealed record ScopeSpec
{
    /// <summary>The scope name (<c>Bot</c> gives <c>ForBot</c>).</summary>
    public required string Name { get; init; }

    /// <summary>The header that carries the scope value.</summary>
    public required string DefaultHeaderName { get; init; }

    /// <summary>The argument of the <c>For…</c> method.</summary>
    public required string ArgumentName { get; init; }

    /// <summary>The pattern a value must match, if any.</summary>
    public required string? Pattern { get; init; }

    /// <summary>The header parameter's description.</summary>
    public required string? Description { get; init; }

    /// <summary>Where the scopes granted for a scope value come from (<c>x-modulegen-granted-scopes</c>), if the spec says.</summary>
    public required string? GrantedScopesDescription { get; init; }
}
