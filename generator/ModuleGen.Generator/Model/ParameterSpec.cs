namespace ModuleGen.Generator.Model;

/// <summary>A parameter of an operation: a method argument.</summary>
/// <remarks>Immutable, structural equality — adding a member that breaks this breaks incremental caching.</remarks>
internal sealed record ParameterSpec
{
    /// <summary>The name on the wire.</summary>
    public required string WireName { get; init; }

    /// <summary>The C# argument name.</summary>
    public required string ArgumentName { get; init; }

    /// <summary>Where it goes.</summary>
    public required ParameterLocation Location { get; init; }

    /// <summary>Whether the argument is required.</summary>
    public required bool Required { get; init; }

    /// <summary>Its type.</summary>
    public required TypeRef Type { get; init; }

    /// <summary>Its description.</summary>
    public required string? Description { get; init; }

    /// <summary>The checks run before sending.</summary>
    public required ConstraintSpec Constraints { get; init; }

    /// <summary>Its default as C# source text, if any.</summary>
    public required string? DefaultLiteral { get; init; }
}
