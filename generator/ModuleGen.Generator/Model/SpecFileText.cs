namespace ModuleGen.Generator.Model;

/// <summary>An opted-in spec file's path and full text (null when the file could not be read), the input of the parse step.</summary>
/// <remarks>Immutable, structural equality — adding a member that breaks this breaks incremental caching.</remarks>
internal sealed record SpecFileText(string Path, string? Text);
