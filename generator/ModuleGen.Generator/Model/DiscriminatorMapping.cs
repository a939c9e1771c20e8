namespace ModuleGen.Generator.Model;

/// <summary>A discriminator value and the full name of the sub-type it names.</summary>
/// <remarks>Immutable, structural equality — adding a member that breaks this breaks incremental caching.</remarks>
internal sealed record DiscriminatorMapping
{
    /// <summary>The value.</summary>
    public required string Value { get; init; }

    /// <summary>The sub-type's full name.</summary>
    public required string TypeFullName { get; init; }
}
