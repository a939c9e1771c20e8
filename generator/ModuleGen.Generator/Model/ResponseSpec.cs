namespace ModuleGen.Generator.Model;

/// <summary>The success response of an operation: its encoding, its type and its description.</summary>
/// <remarks>Immutable, structural equality — adding a member that breaks this breaks incremental caching.</remarks>
internal sealed record ResponseSpec(
    BodyKind Kind,
    TypeRef? Type,
    string? Description);
