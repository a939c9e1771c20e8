using ModuleGen.Generator.Helpers;

namespace ModuleGen.Generator.Model;

/// <summary>One generated model type.</summary>
/// <remarks>Immutable, structural equality — adding a member that breaks this breaks incremental caching.</remarks>
internal sealed record SchemaSpec
{
    /// <summary>The type name.</summary>
    public required string Name { get; init; }

    /// <summary>The namespace.</summary>
    public required string Namespace { get; init; }

    /// <summary>What it generates.</summary>
    public required SchemaKind Kind { get; init; }

    /// <summary>Its description.</summary>
    public required string? Description { get; init; }

    /// <summary>Its own properties (<c>allOf</c> members merged).</summary>
    public required ImmutableEquatableArray<PropertySpec> Properties { get; init; }

    /// <summary>The properties of its polymorphic base.</summary>
    public required ImmutableEquatableArray<PropertySpec> InheritedProperties { get; init; }

    /// <summary>The full name of its polymorphic base, if any.</summary>
    public required string? BaseType { get; init; }

    /// <summary>Its discriminator, for a polymorphic base.</summary>
    public required DiscriminatorSpec? Discriminator { get; init; }

    /// <summary>The discriminator value that names it, for a sub-type.</summary>
    public required string? DiscriminatorValue { get; init; }

    /// <summary>The discriminator property of its base, for a sub-type.</summary>
    public required string? BaseDiscriminatorJsonName { get; init; }

    /// <summary>Its values, for an enum.</summary>
    public required ImmutableEquatableArray<EnumValueSpec> EnumValues { get; init; }

    /// <summary>Whether it is sent as a form.</summary>
    public required bool FormEncoded { get; init; }

    /// <summary>Whether it is sent as multipart.</summary>
    public required bool MultipartEncoded { get; init; }

    /// <summary>The namespace-qualified name.</summary>
    public string FullName => Namespace + "." + Name;
}
