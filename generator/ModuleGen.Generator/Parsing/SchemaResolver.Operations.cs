using System.Collections.Generic;
using ModuleGen.Generator.Helpers;
using ModuleGen.Generator.Model;

namespace ModuleGen.Generator.Parsing;

/// <summary>
/// Phase 1 for operations: resolves the schemas an operation uses, so that inline ones become models before anything is frozen.
/// </summary>
internal sealed partial class SchemaResolver
{
    /// <summary>
    /// Resolves every schema <paramref name="source"/> uses and records on it the types phase 2 reads; returns those
    /// types in the order of <see cref="OperationSource.SchemaUses"/>, for a later parse to read them from the frozen
    /// catalog alone (<see cref="OperationSource.SetSchemaTypes"/>).
    /// </summary>
    public ImmutableEquatableArray<SchemaUseType> ResolveOperationSchemas(OperationSource source)
    {
        var types = new List<SchemaUseType>();
        foreach (var use in source.SchemaUses())
        {
            var type = Resolve(use.Schema, use.Document, use.NameHint);
            if (use.RequestBodyKind is { } kind
                && type is { Kind: TypeKind.Model, FullName: { } fullName }
                && _schemas.TryGetValue(fullName, out var builder))
            {
                builder.FormEncoded |= kind == BodyKind.Form;
                builder.MultipartEncoded |= kind == BodyKind.Multipart;
            }

            if (use.IsRead)
            {
                source.SetSchemaType(use.Schema, type);
                types.Add(new SchemaUseType(type));
            }
        }

        return types.ToImmutableEquatableArray();
    }
}
