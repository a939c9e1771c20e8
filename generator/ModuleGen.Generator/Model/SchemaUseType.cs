namespace ModuleGen.Generator.Model;

/// <summary>The type phase 1 resolved for a schema an operation reads (null when it could not be used, already reported).</summary>
/// <remarks>Immutable, structural equality — adding a member that breaks this breaks incremental caching.</remarks>
internal sealed record SchemaUseType(TypeRef? Type);
