using ModuleGen.Generator.Helpers;

namespace ModuleGen.Generator.Model;

/// <summary>The types phase 1 resolved for the schemas one operation reads, in the order the operation lists them.</summary>
/// <remarks>Immutable, structural equality — adding a member that breaks this breaks incremental caching.</remarks>
internal sealed record OperationSchemaTypes(string OperationId, ImmutableEquatableArray<SchemaUseType> Types);
