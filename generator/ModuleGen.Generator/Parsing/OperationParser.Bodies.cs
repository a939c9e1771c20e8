using System.Linq;
using ModuleGen.Generator.Diagnostics;
using ModuleGen.Generator.Helpers;
using ModuleGen.Generator.Model;
using YamlDotNet.RepresentationModel;

namespace ModuleGen.Generator.Parsing;

/// <summary>Reads an operation's request body and its responses.</summary>
internal sealed partial class OperationParser
{
    private RequestBodySpec? ParseRequestBody(OperationSource source, YamlNode node, SpecDocument document)
    {
        var required = node.ChildBool("required");
        var description = SchemaKeywords.Description(node);
        if (node.ChildMapping("content") is not { Children.Count: > 0 } content)
        {
            _diagnostics.Add(DiagnosticDescriptors.MissingRequiredField, node.Location(document.Path), $"The request body of '{source.OperationId}'", "content");
            return null;
        }

        if (OperationSource.StructuredMedia(content) is var (mediaType, kind, media))
        {
            if (media.Child("schema") is not { } schemaNode)
            {
                _diagnostics.Add(DiagnosticDescriptors.MissingRequiredField, media.Location(document.Path), $"The {mediaType} body of '{source.OperationId}'", "schema");
                return null;
            }

            if (source.SchemaType(schemaNode) is not { } type)
            {
                return null;
            }

            if (kind != BodyKind.Json && type.Kind != TypeKind.Model)
            {
                _diagnostics.Add(DiagnosticDescriptors.UnsupportedConstruct, media.Location(document.Path), $"A {mediaType} body that is not an object", $"the operation '{source.OperationId}'");
                return null;
            }

            return new RequestBodySpec
            {
                Kind = kind,
                Type = type,
                Required = required,
                Description = description,
                ContentTypes = ImmutableEquatableArray<string>.Empty,
            };
        }

        var mediaTypes = content.Children.Select(p => p.Key.KeyText() ?? string.Empty).ToList();
        var binaryTypes = mediaTypes.Where(m => IsBinaryMedia(content.Child(m), document)).ToList();
        if (binaryTypes.Count == mediaTypes.Count)
        {
            return new RequestBodySpec
            {
                Kind = BodyKind.Binary,
                Type = TypeRef.Binary,
                Required = required,
                Description = description,
                ContentTypes = binaryTypes.ToImmutableEquatableArray(),
            };
        }

        _diagnostics.Add(DiagnosticDescriptors.UnsupportedConstruct, content.Location(document.Path), $"The request media type '{mediaTypes[0]}'", $"the operation '{source.OperationId}'");
        return null;
    }

    private bool IsBinaryMedia(YamlNode? media, SpecDocument document)
    {
        var schema = media.Child("schema");
        if (schema is null)
        {
            return true;
        }

        var (resolved, _) = _references.Follow(schema, document);
        return resolved.ChildString("type") == "string" && resolved.ChildString("format") == "binary";
    }

    /// <summary>The response of the lowest 2xx status code (its body is what a call returns) and the statuses marked already-accepted.</summary>
    private ResponseSpec? ParseResponses(OperationSource source, out ImmutableEquatableArray<int> alreadyAccepted)
    {
        alreadyAccepted = source.Responses
            .Where(r => r.Node.ChildBool("x-modulegen-already-accepted"))
            .Select(r => r.StatusCode)
            .OrderBy(c => c)
            .ToImmutableEquatableArray();
        if (source.Operation.ChildMapping("responses") is not { Children.Count: > 0 } responses)
        {
            _diagnostics.Add(DiagnosticDescriptors.MissingRequiredField, source.Location, $"The operation '{source.OperationId}'", "responses");
            return null;
        }

        if (source.SuccessResponse() is not { } success)
        {
            _diagnostics.Add(DiagnosticDescriptors.NoSuccessResponse, responses.Location(source.Document.Path), source.OperationId);
            return null;
        }

        var document = success.Document;
        var description = SchemaKeywords.Description(success.Node);
        if (success.Node.ChildMapping("content") is not { Children.Count: > 0 } media)
        {
            return new ResponseSpec(BodyKind.None, null, description);
        }

        if (media.Child("application/json") is { } json)
        {
            if (json.Child("schema") is not { } schemaNode)
            {
                return new ResponseSpec(BodyKind.None, null, description);
            }

            if (source.SchemaType(schemaNode) is not { } type)
            {
                return null;
            }

            if (type.Kind == TypeKind.Any)
            {
                return new ResponseSpec(BodyKind.None, null, description);
            }

            if (type.Kind != TypeKind.Model)
            {
                _diagnostics.Add(DiagnosticDescriptors.UnsupportedConstruct, json.Location(document.Path), $"A JSON response of kind {type.Kind}", $"the operation '{source.OperationId}'");
                return null;
            }

            return new ResponseSpec(BodyKind.Json, type, description);
        }

        var first = media.Children.First();
        if (IsBinaryMedia(first.Value, document))
        {
            return new ResponseSpec(BodyKind.Binary, TypeRef.Binary, description);
        }

        _diagnostics.Add(DiagnosticDescriptors.UnsupportedConstruct, first.Key.Location(document.Path), $"The response media type '{first.Key.KeyText()}'", $"the operation '{source.OperationId}'");
        return null;
    }
}
