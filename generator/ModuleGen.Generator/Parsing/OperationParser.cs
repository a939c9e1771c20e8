using System;
using System.Collections.Generic;
using System.Linq;
using ModuleGen.Generator.Diagnostics;
using ModuleGen.Generator.Helpers;
using ModuleGen.Generator.Model;
using YamlDotNet.RepresentationModel;

namespace ModuleGen.Generator.Parsing;

/// <summary>
/// Reads <c>paths</c> into operations grouped by client: <see cref="Locate"/> in phase 1 (before schemas are frozen),
/// <see cref="Parse"/> in phase 2 (against the frozen <see cref="SchemaCatalog"/>). The partial files read security
/// (<c>.Security</c>), parameters (<c>.Parameters</c>), bodies and responses (<c>.Bodies</c>) and the operation-level
/// extensions (<c>.Extensions</c>).
/// </summary>
internal sealed partial class OperationParser
{
    /// <summary>The keys of a path item that hold operations.</summary>
    public static readonly string[] HttpMethods = { "get", "put", "post", "delete", "patch", "head", "options" };

    private readonly SpecDocumentSet _documents;
    private readonly ReferenceFollower _references;
    private readonly DiagnosticBag _diagnostics;
    private readonly Dictionary<string, string> _operationIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<OperationSpec>> _clients = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, ScopeSpec>> _clientScopes = new(StringComparer.Ordinal);

    public OperationParser(SpecDocumentSet documents, ReferenceFollower references, DiagnosticBag diagnostics)
    {
        _documents = documents;
        _references = references;
        _diagnostics = diagnostics;
    }

    /// <summary>
    /// Phase 1: every operation the generator will read, in spec order, with its <c>$ref</c>s followed. Operations
    /// without an operationId, with one already used, or without a server are reported and left out.
    /// </summary>
    public List<OperationSource> Locate()
    {
        var sources = new List<OperationSource>();
        foreach (var document in _documents.Documents)
        {
            Locate(document, sources);
        }

        return sources;
    }

    private void Locate(SpecDocument document, List<OperationSource> sources)
    {
        if (document.Root.ChildMapping("paths") is not { } paths)
        {
            if (document.Root.Child("components") is null)
            {
                _diagnostics.Add(DiagnosticDescriptors.MissingRequiredField, document.Root.Location(document.Path), $"The spec file '{document.FileName}'", "paths");
            }

            return;
        }

        foreach (var pathPair in paths.Children)
        {
            if (pathPair.Key.KeyText() is not { } path)
            {
                _diagnostics.Add(DiagnosticDescriptors.InvalidValue, pathPair.Key.Location(document.Path), "A path", "a key must be a string");
                continue;
            }

            if (pathPair.Value is not YamlMappingNode pathItem)
            {
                _diagnostics.Add(DiagnosticDescriptors.InvalidValue, pathPair.Value.Location(document.Path), $"The path item '{path}'", "it must be a mapping");
                continue;
            }

            foreach (var method in HttpMethods)
            {
                switch (pathItem.Child(method))
                {
                    case YamlMappingNode operation when !operation.ChildBool("x-modulegen-ignore"):
                        if (LocateOperation(document, path, pathItem, method, operation) is { } source)
                        {
                            sources.Add(source);
                        }

                        break;
                    case YamlMappingNode:
                        break;
                    case { } notAMapping:
                        _diagnostics.Add(DiagnosticDescriptors.InvalidValue, notAMapping.Location(document.Path), $"The operation {method.ToUpperInvariant()} {path}", "it must be a mapping");
                        break;
                }
            }
        }
    }

    private OperationSource? LocateOperation(SpecDocument document, string path, YamlMappingNode pathItem, string method, YamlMappingNode operation)
    {
        var operationLocation = pathItem.KeyLocation(method, document.Path);
        var operationId = operation.ChildString("operationId");
        if (operationId is null)
        {
            _diagnostics.Add(DiagnosticDescriptors.MissingRequiredField, operationLocation, $"The operation {method.ToUpperInvariant()} {path}", "operationId");
            return null;
        }

        if (_operationIds.TryGetValue(operationId, out var existing))
        {
            _diagnostics.Add(DiagnosticDescriptors.DuplicateOperationId, operation.Child("operationId")!.Location(document.Path), operationId, existing);
            return null;
        }

        _operationIds.Add(operationId, $"{method.ToUpperInvariant()} {path} in {document.FileName}");
        var serverUrl = ServerOf(operation) ?? ServerOf(pathItem) ?? ServerOf(document.Root);
        if (serverUrl is null)
        {
            _diagnostics.Add(DiagnosticDescriptors.MissingRequiredField, operationLocation, $"The operation '{operationId}'", "servers");
            return null;
        }

        var source = new OperationSource(document, path, pathItem, method, operation, operationId, serverUrl);
        MergeParameters(source, pathItem.ChildSequence("parameters"), operation.ChildSequence("parameters"));
        if (operation.Child("requestBody") is { } requestBody)
        {
            var (node, owner) = _references.Follow(requestBody, document);
            source.RequestBody = node is null ? null : (node, owner);
            source.Unresolvable |= node is null;
        }

        foreach (var pair in operation.ChildMapping("responses")?.Children ?? Enumerable.Empty<KeyValuePair<YamlNode, YamlNode>>())
        {
            var (node, owner) = _references.Follow(pair.Value, document);
            if (node is null)
            {
                source.Unresolvable = true;
                continue;
            }

            source.Responses.Add(new ResponseSource(pair.Key.KeyText() ?? string.Empty, node, owner));
        }

        return source;
    }

    private void MergeParameters(OperationSource source, YamlSequenceNode? pathLevel, YamlSequenceNode? operationLevel)
    {
        var keys = new List<string>();
        foreach (var level in new[] { pathLevel, operationLevel })
        {
            foreach (var raw in level?.Children ?? Enumerable.Empty<YamlNode>())
            {
                var (node, owner) = _references.Follow(raw, source.Document);
                if (node is null)
                {
                    continue;
                }

                var key = node.ChildString("in") + ":" + node.ChildString("name");
                var index = keys.IndexOf(key);
                if (index >= 0)
                {
                    source.Parameters[index] = (node, owner);
                }
                else
                {
                    keys.Add(key);
                    source.Parameters.Add((node, owner));
                }
            }
        }
    }

    /// <summary>Phase 2: reads a located operation against the frozen schemas; a problem drops it (reported).</summary>
    public void Parse(OperationSource source, SchemaCatalog catalog)
    {
        var parameters = new List<ParameterSpec>();
        string? scope = null;
        string? idempotencyHeader = null;
        string? idempotencyDescription = null;
        var clientName = ClientName(source.Document, source.Operation);
        foreach (var (parameterNode, parameterDocument) in source.Parameters)
        {
            var outcome = ParseParameter(source, parameterNode, parameterDocument);
            if (outcome is null)
            {
                return;
            }

            switch (outcome.Value.Role)
            {
                case ParameterRole.Scope:
                    scope = outcome.Value.Scope!.Name;
                    RegisterScope(clientName, outcome.Value.Scope, parameterNode, parameterDocument);
                    break;
                case ParameterRole.IdempotencyKey:
                    idempotencyHeader = outcome.Value.Parameter!.WireName;
                    idempotencyDescription = outcome.Value.Parameter.Description;
                    break;
                default:
                    parameters.Add(outcome.Value.Parameter!);
                    break;
            }
        }

        foreach (var templateName in TemplateNames(source.Path))
        {
            if (!parameters.Any(p => p.Location == ParameterLocation.Path && p.WireName == templateName))
            {
                _diagnostics.Add(DiagnosticDescriptors.PathParameterNotDeclared, source.MethodLocation, source.OperationId, templateName);
                return;
            }
        }

        if (source.Unresolvable)
        {
            return;
        }

        RequestBodySpec? body = null;
        if (source.RequestBody is var (bodyNode, bodyDocument))
        {
            body = ParseRequestBody(source, bodyNode, bodyDocument);
            if (body is null)
            {
                return;
            }
        }

        var response = ParseResponses(source, out var alreadyAccepted);
        if (response is null)
        {
            return;
        }

        var pagination = ParsePagination(source, catalog, response, parameters);
        if (source.Operation.Child("x-modulegen-pagination") is not null && pagination is null)
        {
            return;
        }

        if (!_clients.TryGetValue(clientName, out var list))
        {
            list = new List<OperationSpec>();
            _clients.Add(clientName, list);
        }

        var operation = source.Operation;
        list.Add(new OperationSpec
        {
            OperationId = source.OperationId,
            MethodName = Naming.ToPascalCase(source.OperationId) + "Async",
            HttpMethod = source.Method.ToUpperInvariant(),
            PathTemplate = source.Path,
            ServerUrl = source.ServerUrl.TrimEnd('/'),
            Summary = operation.ChildString("summary")?.Trim(),
            Description = operation.ChildString("description")?.Trim(),
            Auth = AuthOf(source),
            Scope = scope,
            Parameters = parameters.ToImmutableEquatableArray(),
            Body = body,
            Response = response,
            RequiredScopes = (operation.ChildSequence("x-modulegen-required-scopes")?.Children.OfType<YamlScalarNode>()
                .Select(s => s.Value ?? string.Empty) ?? Enumerable.Empty<string>()).ToImmutableEquatableArray(),
            RateLimit = ParseRateLimit(source),
            Pagination = pagination,
            AlreadyAcceptedStatuses = alreadyAccepted,
            IdempotencyHeader = idempotencyHeader,
            IdempotencyDescription = idempotencyDescription,
            Deprecated = operation.ChildBool("deprecated"),
        });
    }

    public ImmutableEquatableArray<ClientSpec> BuildClients(string rootNamespace)
        => _clients
            .OrderBy(c => c.Key, StringComparer.Ordinal)
            .Select(c => new ClientSpec
            {
                Name = c.Key,
                Namespace = rootNamespace,
                Scopes = (_clientScopes.TryGetValue(c.Key, out var scopes) ? scopes.Values : Enumerable.Empty<ScopeSpec>())
                    .OrderBy(s => s.Name, StringComparer.Ordinal)
                    .ToImmutableEquatableArray(),
                Operations = c.Value.OrderBy(o => o.MethodName, StringComparer.Ordinal).ToImmutableEquatableArray(),
            })
            .ToImmutableEquatableArray();

    private static string ClientName(SpecDocument document, YamlMappingNode operation)
        => operation.ChildString("x-modulegen-client")
           ?? document.Root.ChildString("x-modulegen-client")
           ?? Naming.ToPascalCase(System.IO.Path.GetFileNameWithoutExtension(document.FileName)) + "Client";

    private static string? ServerOf(YamlNode node)
        => node.ChildSequence("servers")?.Children.FirstOrDefault()?.ChildString("url");
}
