using ModuleGen.Generator.Helpers;

namespace ModuleGen.Generator.Model;

/// <summary>The counts printed by the build's Generate step, and the generated root clients for registration.</summary>
/// <remarks>Immutable, structural equality — adding a member that breaks this breaks incremental caching.</remarks>
/// <param name="ClientTypes">The full names of the root (unscoped) clients, sorted ordinally.</param>
public sealed record SummarySpec(string Namespace, int Clients, int Operations, int Models, ImmutableEquatableArray<string> ClientTypes);
