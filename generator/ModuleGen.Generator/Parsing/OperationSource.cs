using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Runtime.CompilerServices;
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
    private readonly Dictionary<YamlNode, TypeRef?> _schemaTypes = new(NodeIdentity.Instance);

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
    public void SetSchemaType(YamlNode schema, TypeRef? type) => _schemaTypes[schema] = type;

    /// <summary>The type phase 1 resolved for <paramref name="schema"/>; null when it could not be resolved (reported).</summary>
    public TypeRef? SchemaType(YamlNode schema) => _schemaTypes.TryGetValue(schema, out var type) ? type : null;

    /// <summary>YAML nodes compare by content; the types resolved here belong to one node each.</summary>
    private sealed class NodeIdentity : IEqualityComparer<YamlNode>
    {
        public static NodeIdentity Instance { get; } = new();

        public bool Equals(YamlNode? x, YamlNode? y) => ReferenceEquals(x, y);

        public int GetHashCode(YamlNode obj) => RuntimeHelpers.GetHashCode(obj);
    }
}

/// <summary>A response of an <see cref="OperationSource"/>: its status code as written and its node, <c>$ref</c> followed.</summary>
internal sealed class ResponseSource
{
    public ResponseSource(string code, YamlNode node, SpecDocument document)
    {
        Code = code;
        Node = node;
        Document = document;
        int.TryParse(code, NumberStyles.Integer, CultureInfo.InvariantCulture, out var statusCode);
        StatusCode = statusCode;
    }

    public string Code { get; }

    /// <summary>The status code; 0 for a code that is not a number (<c>default</c>, <c>4XX</c>).</summary>
    public int StatusCode { get; }

    public bool IsSuccess => StatusCode is >= 200 and < 300;

    public YamlNode Node { get; }

    public SpecDocument Document { get; }
}
