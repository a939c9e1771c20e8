using ModuleGen.Generator.Helpers;

namespace ModuleGen.Generator.Model;

public enum SchemaKind
{
    /// <summary>A plain object: a sealed class.</summary>
    Object,

    /// <summary>An object with a discriminator: an abstract class plus an Unknown fallback.</summary>
    PolymorphicBase,

    /// <summary>A string enum: an open, extensible struct.</summary>
    Enum,
}

/// <summary>One generated model type.</summary>
/// <remarks>Immutable, structural equality — adding a member that breaks this breaks incremental caching.</remarks>
public sealed record SchemaSpec(
    string Name,
    string Namespace,
    SchemaKind Kind,
    string? Description,
    ImmutableEquatableArray<PropertySpec> Properties,
    ImmutableEquatableArray<PropertySpec> InheritedProperties,
    string? BaseType,
    DiscriminatorSpec? Discriminator,
    string? DiscriminatorValue,
    string? BaseDiscriminatorJsonName,
    ImmutableEquatableArray<EnumValueSpec> EnumValues,
    bool FormEncoded,
    bool MultipartEncoded)
{
    public string FullName => Namespace + "." + Name;
}

/// <remarks>Immutable, structural equality — adding a member that breaks this breaks incremental caching.</remarks>
public sealed record PropertySpec(
    string JsonName,
    string PropertyName,
    TypeRef Type,
    bool Required,
    bool Nullable,
    string? Description,
    string? ReadAlso,
    string? DefaultLiteral,
    ConstraintSpec Constraints);

/// <remarks>Immutable, structural equality — adding a member that breaks this breaks incremental caching.</remarks>
public sealed record DiscriminatorSpec(
    string JsonName,
    string PropertyName,
    ImmutableEquatableArray<DiscriminatorMapping> Mappings);

/// <remarks>Immutable, structural equality — adding a member that breaks this breaks incremental caching.</remarks>
public sealed record DiscriminatorMapping(string Value, string TypeFullName);

/// <remarks>Immutable, structural equality — adding a member that breaks this breaks incremental caching.</remarks>
public sealed record EnumValueSpec(string Value, string MemberName, string? Description);
