namespace ModuleGen.Generator.Model;

/// <summary>A property of a model type.</summary>
/// <remarks>Immutable, structural equality — adding a member that breaks this breaks incremental caching.</remarks>
internal sealed record PropertySpec
{
    /// <summary>The name in JSON.</summary>
    public required string JsonName { get; init; }

    /// <summary>The C# name.</summary>
    public required string PropertyName { get; init; }

    /// <summary>Its type.</summary>
    public required TypeRef Type { get; init; }

    /// <summary>Whether it is required.</summary>
    public required bool Required { get; init; }

    /// <summary>Whether JSON null is allowed.</summary>
    public required bool Nullable { get; init; }

    /// <summary>Its description.</summary>
    public required string? Description { get; init; }

    /// <summary>A second JSON name it is read from (<c>x-modulegen-read-also</c>).</summary>
    public required string? ReadAlso { get; init; }

    /// <summary>Its default as C# source text, if any.</summary>
    public required string? DefaultLiteral { get; init; }

    /// <summary>The checks its writer runs.</summary>
    public required ConstraintSpec Constraints { get; init; }
}
