namespace ModuleGen.Generator.Model;

/// <summary>Validation constraints of a parameter or property, as written in the spec (numbers as invariant text).</summary>
/// <remarks>Immutable, structural equality — adding a member that breaks this breaks incremental caching.</remarks>
internal sealed record ConstraintSpec
{
    /// <summary><c>minimum</c>.</summary>
    public required string? Minimum { get; init; }

    /// <summary><c>maximum</c>.</summary>
    public required string? Maximum { get; init; }

    /// <summary><c>minLength</c>.</summary>
    public required int? MinLength { get; init; }

    /// <summary><c>maxLength</c>.</summary>
    public required int? MaxLength { get; init; }

    /// <summary><c>pattern</c>.</summary>
    public required string? Pattern { get; init; }

    /// <summary><c>minItems</c>.</summary>
    public required int? MinItems { get; init; }

    /// <summary><c>maxItems</c>.</summary>
    public required int? MaxItems { get; init; }

    /// <summary>No constraints.</summary>
    public static ConstraintSpec None { get; } = new()
    {
        Minimum = null,
        Maximum = null,
        MinLength = null,
        MaxLength = null,
        Pattern = null,
        MinItems = null,
        MaxItems = null,
    };
}
