namespace ModuleGen.Generator.Model;

/// <summary>The counts printed by the build's Generate step.</summary>
/// <remarks>Immutable, structural equality — adding a member that breaks this breaks incremental caching.</remarks>
public sealed record SummarySpec(string Namespace, int Clients, int Operations, int Models);
