namespace ModuleGen.Generator.Model;

/// <summary>The rate limit an operation declares: so many requests per second, minute or hour.</summary>
/// <remarks>Immutable, structural equality — adding a member that breaks this breaks incremental caching.</remarks>
internal sealed record RateLimitSpec(int Requests, string Per);
