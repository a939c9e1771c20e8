using System.Collections.Generic;
using System.Linq;
using ModuleGen.Generator.Helpers;
using ModuleGen.Generator.Model;
using YamlDotNet.RepresentationModel;

namespace ModuleGen.Generator.Parsing;

/// <summary>
/// An operation located in phase 1: its YAML with every <c>$ref</c> of its parameters, request body and responses
/// followed once, and the types phase 1 resolved for the schemas it uses. Phase 2 reads it into an
/// <see cref="OperationSpec"/>. Parsing plumbing: mutable, never part of the pipeline model.
/// </summary>
internal sealed class OperationSource
{
    private readonly Dictionary<YamlNode, TypeRef?> _schemaTypes = new(YamlNodeIdentity.Instance);

    public OperationSource(SpecDocument document, string path, YamlMappingNode pathItem, string method, YamlMappingNode operation, string operationId, string serverUrl)
    {
        Document = document;
        Path = path;
        PathItem = pathItem;
        Method = method;
        Operation = operation;
        OperationId = operationId;
        ServerUrl = serverUrl;
        Location = operation.Location(document.Path);
        MethodLocation = pathItem.KeyLocation(method, document.Path);
    }

    public SpecDocument Document { get; }

    public string Path { get; }

    public YamlMappingNode PathItem { get; }

    public string Method { get; }

    public YamlMappingNode Operation { get; }

    public string OperationId { get; }

    public string ServerUrl { get; }

    public LocationInfo Location { get; }

    public LocationInfo MethodLocation { get; }

    /// <summary>Path-level and operation-level parameters merged (the operation's win), each <c>$ref</c> followed.</summary>
    public List<(YamlNode Node, SpecDocument Document)> Parameters { get; } = new();

    /// <summary>The request body, its <c>$ref</c> followed; null when there is none or it could not be followed.</summary>
    public (YamlNode Node, SpecDocument Document)? RequestBody { get; set; }

    /// <summary>The responses in spec order, each <c>$ref</c> followed.</summary>
    public List<ResponseSource> Responses { get; } = new();

    /// <summary>True when a request body or response <c>$ref</c> could not be followed (reported): the operation is dropped.</summary>
    public bool Unresolvable { get; set; }

    /// <summary>The content entry of a request body the generator sends: JSON, a form or multipart, in that preference.</summary>
    public static (string MediaType, BodyKind Kind, YamlNode Media)? StructuredMedia(YamlMappingNode content)
    {
        foreach (var (mediaType, kind) in new[]
                 {
                     ("application/json", BodyKind.Json),
                     ("application/x-www-form-urlencoded", BodyKind.Form),
                     ("multipart/form-data", BodyKind.Multipart),
                 })
        {
            if (content.Child(mediaType) is { } media)
            {
                return (mediaType, kind, media);
            }
        }

        return null;
    }

    /// <summary>The 2xx response with the lowest status code: the one whose body a call returns.</summary>
    public ResponseSource? SuccessResponse()
        => Responses.Where(r => r.IsSuccess).OrderBy(r => r.StatusCode).FirstOrDefault();

    /// <summary>Records the type phase 1 resolved for a schema node of this operation.</summary>
    /// <summary>
    /// The schemas the operation uses, in the order phase 1 resolves them: its parameters, the request body it sends, its
    /// success and error responses.
    /// </summary>
    public IEnumerable<SchemaUse> SchemaUses()
    {
        var operationName = Naming.ToPascalCase(OperationId);
        foreach (var (node, document) in Parameters)
        {
            if (node.ChildString("name") is { } name && node.Child("schema") is { } schema)
            {
                yield return new SchemaUse(schema, document, operationName + Naming.ToPascalCase(name), IsRead: true, RequestBodyKind: null);
            }
        }

        if (RequestBody is var (bodyNode, bodyDocument)
            && bodyNode.ChildMapping("content") is { } content
            && StructuredMedia(content) is var (_, kind, media)
            && media.Child("schema") is { } bodySchema)
        {
            yield return new SchemaUse(bodySchema, bodyDocument, operationName + "Request", IsRead: true, kind);
        }

        var success = SuccessResponse();
        foreach (var response in Responses)
        {
            var mediaTypes = response.Node.ChildMapping("content");
            if (!response.IsSuccess)
            {
                // Error bodies are read by the runtime; their schemas still have to resolve.
                if (mediaTypes?.Children.FirstOrDefault().Value.Child("schema") is { } errorSchema)
                {
                    yield return new SchemaUse(errorSchema, response.Document, operationName + "Error", IsRead: false, RequestBodyKind: null);
                }
            }
            else if (response == success && mediaTypes.Child("application/json").Child("schema") is { } schema)
            {
                yield return new SchemaUse(schema, response.Document, operationName + "Response", IsRead: true, RequestBodyKind: null);
            }
        }
    }

    /// <summary>Records the types phase 1 resolved for the schemas this operation reads, in <see cref="SchemaUses"/> order.</summary>
    public void SetSchemaTypes(ImmutableEquatableArray<SchemaUseType> types)
    {
        var index = 0;
        foreach (var use in SchemaUses())
        {
            if (use.IsRead && index < types.Count)
            {
                SetSchemaType(use.Schema, types[index++].Type);
            }
        }
    }

    public void SetSchemaType(YamlNode schema, TypeRef? type) => _schemaTypes[schema] = type;

    /// <summary>The type phase 1 resolved for <paramref name="schema"/>; null when it could not be resolved (reported).</summary>
    public TypeRef? SchemaType(YamlNode schema) => _schemaTypes.TryGetValue(schema, out var type) ? type : null;
}
