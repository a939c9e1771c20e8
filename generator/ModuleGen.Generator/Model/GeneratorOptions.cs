namespace ModuleGen.Generator.Model;

/// <summary>Generator settings read from MSBuild properties.</summary>
/// <remarks>Immutable, structural equality — adding a member that breaks this breaks incremental caching.</remarks>
internal sealed record GeneratorOptions(string RootNamespace);
