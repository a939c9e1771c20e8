using ModuleGen.Generator.Helpers;

namespace ModuleGen.Generator.Model;

/// <summary>The discriminator of a polymorphic base.</summary>
/// <remarks>Immutable, structural equality — adding a member that breaks this breaks incremental caching.</remarks>
internal sealed record DiscriminatorSpec
{
    /// <summary>The discriminator property in JSON.</summary>
    public required string JsonName { get; init; }

    /// <summary>Its C# name.</summary>
    public required string PropertyName { get; init; }

    /// <summary>The values and the sub-types they name.</summary>
    public required ImmutableEquatableArray<DiscriminatorMapping> Mappings { get; init; }
}
