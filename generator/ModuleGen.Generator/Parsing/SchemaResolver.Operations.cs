using System.Linq;
using ModuleGen.Generator.Helpers;
using ModuleGen.Generator.Model;

namespace ModuleGen.Generator.Parsing;

/// <summary>
/// Phase 1 for operations: resolves the schemas an operation uses (its parameters, the request body it sends, its
/// success and error responses), so that inline ones become models before anything is frozen.
/// </summary>
internal sealed partial class SchemaResolver
{
    public void ResolveOperationSchemas(OperationSource source)
    {
        var operationName = Naming.ToPascalCase(source.OperationId);
        foreach (var (node, document) in source.Parameters)
        {
            if (node.ChildString("name") is { } name && node.Child("schema") is { } schema)
            {
                source.SetSchemaType(schema, Resolve(schema, document, operationName + Naming.ToPascalCase(name)));
            }
        }

        if (source.RequestBody is var (bodyNode, bodyDocument)
            && bodyNode.ChildMapping("content") is { } content
            && OperationSource.StructuredMedia(content) is var (_, kind, media)
            && media.Child("schema") is { } bodySchema)
        {
            var type = Resolve(bodySchema, bodyDocument, operationName + "Request");
            source.SetSchemaType(bodySchema, type);
            if (type is { Kind: TypeKind.Model, FullName: { } fullName } && _schemas.TryGetValue(fullName, out var builder))
            {
                builder.FormEncoded |= kind == BodyKind.Form;
                builder.MultipartEncoded |= kind == BodyKind.Multipart;
            }
        }

        var success = source.SuccessResponse();
        foreach (var response in source.Responses)
        {
            var mediaTypes = response.Node.ChildMapping("content");
            if (!response.IsSuccess)
            {
                // Error bodies are read by the runtime; their schemas still have to resolve.
                if (mediaTypes?.Children.FirstOrDefault().Value.Child("schema") is { } errorSchema)
                {
                    Resolve(errorSchema, response.Document, operationName + "Error");
                }
            }
            else if (response == success && mediaTypes.Child("application/json").Child("schema") is { } schema)
            {
                source.SetSchemaType(schema, Resolve(schema, response.Document, operationName + "Response"));
            }
        }
    }
}
