using ModuleGen.Generator.Helpers;

namespace ModuleGen.Generator.Model;

/// <summary>The counts the build's Generate step prints, and the generated root clients that registration reads.</summary>
/// <remarks>Immutable, structural equality — adding a member that breaks this breaks incremental caching.</remarks>
internal sealed record SummarySpec
{
    /// <summary>The root namespace.</summary>
    public required string Namespace { get; init; }

    /// <summary>How many clients.</summary>
    public required int Clients { get; init; }

    /// <summary>How many operations.</summary>
    public required int Operations { get; init; }

    /// <summary>How many model types.</summary>
    public required int Models { get; init; }

    /// <summary>The full names of the root (unscoped) clients, sorted ordinally.</summary>
    public required ImmutableEquatableArray<string> ClientTypes { get; init; }
}
