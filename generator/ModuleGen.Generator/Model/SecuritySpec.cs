namespace ModuleGen.Generator.Model;

/// <summary>How an operation authenticates: the kind, the security scheme it names (for LINE's x-modulegen-auth, the kind's name), and for an API key the header or query parameter that carries it.</summary>
/// <remarks>Immutable, structural equality — adding a member that breaks this breaks incremental caching.</remarks>
internal sealed record SecuritySpec(
    AuthKind Kind,
    string? SchemeName = null,
    string? ApiKeyName = null)
{
    public static SecuritySpec None { get; } = new(AuthKind.None);
}
