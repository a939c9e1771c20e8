namespace ModuleGen.Generator.Model;

/// <summary>A value of a string enum.</summary>
/// <remarks>Immutable, structural equality — adding a member that breaks this breaks incremental caching.</remarks>
internal sealed record EnumValueSpec
{
    /// <summary>The value as written.</summary>
    public required string Value { get; init; }

    /// <summary>The C# member name.</summary>
    public required string MemberName { get; init; }

    /// <summary>Its description.</summary>
    public required string? Description { get; init; }
}
