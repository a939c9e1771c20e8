using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using ModuleGen.Generator.Helpers;
using ModuleGen.Generator.Model;
using YamlDotNet.RepresentationModel;

namespace ModuleGen.Generator.Parsing;

/// <summary>Parses the opted-in spec files into one <see cref="ApiSpec"/>. Never throws for a bad spec.</summary>
internal static class SpecParser
{
    public static ApiSpec Parse(ImmutableEquatableArray<SpecFileText> files, GeneratorOptions options, CancellationToken cancellationToken)
    {
        var diagnostics = new DiagnosticBag();
        var documents = SpecDocumentSet.Load(files, diagnostics);
        cancellationToken.ThrowIfCancellationRequested();

        var schemas = new SchemaResolver(documents, diagnostics, options.RootNamespace);
        schemas.ResolveAllComponents();
        cancellationToken.ThrowIfCancellationRequested();

        var operations = new OperationParser(documents, schemas, diagnostics);
        foreach (var document in documents.Documents)
        {
            operations.ParseDocument(document);
            cancellationToken.ThrowIfCancellationRequested();
        }

        var schemaSpecs = schemas.Freeze();
        var clients = operations.BuildClients(options.RootNamespace);
        return new ApiSpec(clients, schemaSpecs, diagnostics.ToArray());
    }
}

/// <summary>Reads <c>paths</c> into operations grouped by client.</summary>
internal sealed class OperationParser
{
    private static readonly string[] HttpMethods = { "get", "put", "post", "delete", "patch", "head", "options" };

    // A chain of $refs longer than this is a cycle in any real spec.
    private const int MaxReferenceDepth = 32;

    private readonly SpecDocumentSet _documents;
    private readonly SchemaResolver _schemas;
    private readonly DiagnosticBag _diagnostics;
    private readonly Dictionary<string, string> _operationIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<OperationSpec>> _clients = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, ScopeSpec>> _clientScopes = new(StringComparer.Ordinal);

    public OperationParser(SpecDocumentSet documents, SchemaResolver schemas, DiagnosticBag diagnostics)
    {
        _documents = documents;
        _schemas = schemas;
        _diagnostics = diagnostics;
    }

    public void ParseDocument(SpecDocument document)
    {
        if (document.Root.ChildMapping("paths") is not { } paths)
        {
            if (document.Root.Child("components") is null)
            {
                _diagnostics.Add("MG0002", document.Root.Location(document.Path), $"The spec file '{document.FileName}'", "paths");
            }

            return;
        }

        foreach (var pathPair in paths.Children)
        {
            if (pathPair.Key.KeyText() is not { } path)
            {
                _diagnostics.Add("MG0008", pathPair.Key.Location(document.Path), "A path", "a key must be a string");
                continue;
            }

            if (pathPair.Value is not YamlMappingNode pathItem)
            {
                _diagnostics.Add("MG0008", pathPair.Value.Location(document.Path), $"The path item '{path}'", "it must be a mapping");
                continue;
            }

            foreach (var method in HttpMethods)
            {
                switch (pathItem.Child(method))
                {
                    case YamlMappingNode operation:
                        ParseOperation(document, path, pathItem, method, operation);
                        break;
                    case { } notAMapping:
                        _diagnostics.Add("MG0008", notAMapping.Location(document.Path), $"The operation {method.ToUpperInvariant()} {path}", "it must be a mapping");
                        break;
                }
            }
        }
    }

    private void ParseOperation(SpecDocument document, string path, YamlMappingNode pathItem, string method, YamlMappingNode operation)
    {
        if (operation.ChildBool("x-modulegen-ignore"))
        {
            return;
        }

        var operationLocation = ((YamlMappingNode)pathItem).KeyLocation(method, document.Path);
        var operationId = operation.ChildString("operationId");
        if (operationId is null)
        {
            _diagnostics.Add("MG0002", operationLocation, $"The operation {method.ToUpperInvariant()} {path}", "operationId");
            return;
        }

        var where = $"{method.ToUpperInvariant()} {path} in {document.FileName}";
        if (_operationIds.TryGetValue(operationId, out var existing))
        {
            _diagnostics.Add("MG0006", operation.Child("operationId")!.Location(document.Path), operationId, existing);
            return;
        }

        _operationIds.Add(operationId, where);
        var context = new OperationContext(document, operationId, operation);

        var serverUrl = ServerOf(operation) ?? ServerOf(pathItem) ?? ServerOf(document.Root);
        if (serverUrl is null)
        {
            _diagnostics.Add("MG0002", operationLocation, $"The operation '{operationId}'", "servers");
            return;
        }

        var parameters = new List<ParameterSpec>();
        string? scope = null;
        string? idempotencyHeader = null;
        var merged = MergeParameters(pathItem.ChildSequence("parameters"), operation.ChildSequence("parameters"), document);
        foreach (var (parameterNode, parameterDocument) in merged)
        {
            var outcome = ParseParameter(context, parameterNode, parameterDocument, path);
            if (outcome is null)
            {
                return;
            }

            switch (outcome.Value.Role)
            {
                case ParameterRole.Scope:
                    scope = outcome.Value.Scope!.Name;
                    RegisterScope(ClientName(document, operation), outcome.Value.Scope, parameterNode, parameterDocument);
                    break;
                case ParameterRole.IdempotencyKey:
                    idempotencyHeader = outcome.Value.Parameter!.WireName;
                    break;
                default:
                    parameters.Add(outcome.Value.Parameter!);
                    break;
            }
        }

        foreach (var templateName in TemplateNames(path))
        {
            if (!parameters.Any(p => p.Location == ParameterLocation.Path && p.WireName == templateName))
            {
                _diagnostics.Add("MG0002", operationLocation, $"The operation '{operationId}'", $"parameters (path parameter '{templateName}')");
                return;
            }
        }

        RequestBodySpec? body = null;
        if (operation.Child("requestBody") is { } requestBodyNode)
        {
            body = ParseRequestBody(context, requestBodyNode);
            if (body is null)
            {
                return;
            }
        }

        var response = ParseResponses(context, out var alreadyAccepted);
        if (response is null)
        {
            return;
        }

        var pagination = ParsePagination(context, response, parameters);
        if (operation.Child("x-modulegen-pagination") is not null && pagination is null)
        {
            return;
        }

        var clientName = ClientName(document, operation);
        if (!_clients.TryGetValue(clientName, out var list))
        {
            list = new List<OperationSpec>();
            _clients.Add(clientName, list);
        }

        list.Add(new OperationSpec(
            operationId,
            Naming.ToPascalCase(operationId) + "Async",
            method.ToUpperInvariant(),
            path,
            serverUrl.TrimEnd('/'),
            operation.ChildString("summary")?.Trim(),
            operation.ChildString("description")?.Trim(),
            AuthOf(context),
            scope,
            parameters.ToImmutableEquatableArray(),
            body,
            response,
            (operation.ChildSequence("x-modulegen-required-scopes")?.Children.OfType<YamlScalarNode>()
                .Select(s => s.Value ?? string.Empty) ?? Enumerable.Empty<string>()).ToImmutableEquatableArray(),
            ParseRateLimit(context),
            pagination,
            alreadyAccepted,
            idempotencyHeader,
            operation.ChildBool("deprecated")));
    }

    private static string ClientName(SpecDocument document, YamlMappingNode operation)
        => operation.ChildString("x-modulegen-client")
           ?? document.Root.ChildString("x-modulegen-client")
           ?? Naming.ToPascalCase(System.IO.Path.GetFileNameWithoutExtension(document.FileName)) + "Client";

    private static string? ServerOf(YamlNode node)
        => node.ChildSequence("servers")?.Children.FirstOrDefault()?.ChildString("url");

    /// <summary>
    /// The operation's authentication: <c>x-modulegen-auth</c> (LINE's own specs) when set; otherwise the first
    /// requirement of its <c>security</c> (or the document's), resolved against <c>components.securitySchemes</c> of any
    /// opted-in file; and nothing at all where the spec declares no security.
    /// </summary>
    private SecuritySpec AuthOf(OperationContext context)
    {
        var text = context.Operation.ChildString("x-modulegen-auth") ?? context.Document.Root.ChildString("x-modulegen-auth");
        switch (text)
        {
            case null:
                break;
            case "bearer":
                return new SecuritySpec(AuthKind.Bearer, "Bearer");
            case "basic":
                return new SecuritySpec(AuthKind.Basic, "Basic");
            case "none":
                return SecuritySpec.None;
            default:
                _diagnostics.Add("MG0005", context.Location, "x-modulegen-auth", $"'{text}' is not one of bearer, basic, none");
                return SecuritySpec.None;
        }

        var requirements = context.Operation.ChildSequence("security") ?? context.Document.Root.ChildSequence("security");
        if (requirements is null || requirements.Children.Count == 0
            || requirements.Children[0] is not YamlMappingNode { Children.Count: > 0 } requirement
            || requirement.Children.First().Key.KeyText() is not { } schemeName)
        {
            return SecuritySpec.None;
        }

        var scheme = _documents.Documents
            .OrderBy(d => d == context.Document ? 0 : 1)
            .Select(d => d.Root.Child("components")?.Child("securitySchemes")?.Child(schemeName))
            .FirstOrDefault(node => node is not null);
        if (scheme is null)
        {
            _diagnostics.Add("MG0003", requirement.Location(context.Document.Path), "#/components/securitySchemes/" + schemeName, ": no opted-in spec file defines this security scheme");
            return SecuritySpec.None;
        }

        var type = scheme.ChildString("type");
        var httpScheme = scheme.ChildString("scheme")?.ToLowerInvariant();
        var location = scheme.ChildString("in");
        var name = scheme.ChildString("name");
        if (type == "http" && httpScheme == "bearer")
        {
            return new SecuritySpec(AuthKind.Bearer, schemeName);
        }

        if (type == "http" && httpScheme == "basic")
        {
            return new SecuritySpec(AuthKind.Basic, schemeName);
        }

        if (type == "apiKey" && name is { Length: > 0 } && location is "header" or "query")
        {
            return new SecuritySpec(location == "header" ? AuthKind.ApiKeyHeader : AuthKind.ApiKeyQuery, schemeName, name);
        }

        _diagnostics.Add("MG0004", scheme.Location(context.Document.Path), $"The security scheme '{schemeName}' ({type} {httpScheme ?? location})", $"the operation '{context.OperationId}'");
        return SecuritySpec.None;
    }

    private List<(YamlNode Node, SpecDocument Document)> MergeParameters(YamlSequenceNode? pathLevel, YamlSequenceNode? operationLevel, SpecDocument document)
    {
        var result = new List<(YamlNode, SpecDocument)>();
        var keys = new List<string>();
        foreach (var source in new[] { pathLevel, operationLevel })
        {
            if (source is null)
            {
                continue;
            }

            foreach (var raw in source.Children)
            {
                var (node, owner) = Dereference(raw, document);
                if (node is null)
                {
                    continue;
                }

                var key = node.ChildString("in") + ":" + node.ChildString("name");
                var index = keys.IndexOf(key);
                if (index >= 0)
                {
                    result[index] = (node, owner);
                }
                else
                {
                    keys.Add(key);
                    result.Add((node, owner));
                }
            }
        }

        return result;
    }

    /// <summary>Follows a <c>$ref</c> (reporting MG0003 when it points nowhere); returns the node itself otherwise.</summary>
    private (YamlNode? Node, SpecDocument Document) Dereference(YamlNode node, SpecDocument document, int depth = 0)
    {
        if (node.ChildString("$ref") is not { } reference)
        {
            return (node, document);
        }

        if (depth > MaxReferenceDepth)
        {
            _diagnostics.Add("MG0008", node.Child("$ref")!.Location(document.Path), $"The $ref '{reference}'", "it leads back to itself");
            return (null, document);
        }

        var resolved = _documents.Resolve(reference, document);
        if (resolved is null)
        {
            _diagnostics.Add("MG0003", node.Child("$ref")!.Location(document.Path), reference, _documents.WhyUnresolved(reference));
            return (null, document);
        }

        return Dereference(resolved.Value.Node, resolved.Value.Document, depth + 1);
    }

    private enum ParameterRole
    {
        Argument,
        Scope,
        IdempotencyKey,
    }

    private readonly struct ParameterOutcome
    {
        public ParameterOutcome(ParameterRole role, ParameterSpec? parameter, ScopeSpec? scope)
        {
            Role = role;
            Parameter = parameter;
            Scope = scope;
        }

        public ParameterRole Role { get; }

        public ParameterSpec? Parameter { get; }

        public ScopeSpec? Scope { get; }
    }

    private ParameterOutcome? ParseParameter(OperationContext context, YamlNode node, SpecDocument document, string path)
    {
        var name = node.ChildString("name");
        var location = node.ChildString("in");
        if (name is null || location is null)
        {
            _diagnostics.Add("MG0002", node.Location(document.Path), $"A parameter of '{context.OperationId}'", name is null ? "name" : "in");
            return null;
        }

        ParameterLocation kind;
        switch (location)
        {
            case "path":
                kind = ParameterLocation.Path;
                break;
            case "query":
                kind = ParameterLocation.Query;
                break;
            case "header":
                kind = ParameterLocation.Header;
                break;
            default:
                _diagnostics.Add("MG0004", node.Location(document.Path), $"A parameter in '{location}'", $"the operation '{context.OperationId}'");
                return null;
        }

        var schemaNode = node.Child("schema");
        TypeRef? type = schemaNode is null
            ? TypeRef.String
            : _schemas.Resolve(schemaNode, document, Naming.ToPascalCase(context.OperationId) + Naming.ToPascalCase(name));
        if (type is null)
        {
            return null;
        }

        if (type.Kind is TypeKind.Model or TypeKind.Map or TypeKind.Any or TypeKind.Binary
            || (type.Kind == TypeKind.Array && type.Element!.Kind is TypeKind.Model or TypeKind.Map or TypeKind.Any or TypeKind.Array or TypeKind.Binary))
        {
            _diagnostics.Add("MG0004", node.Location(document.Path), $"A parameter of kind {type.Kind}", $"the operation '{context.OperationId}'");
            return null;
        }

        var resolvedSchema = schemaNode is null ? null : Dereference(schemaNode, document).Node;
        var constraints = new ConstraintSpec(
            resolvedSchema.ChildNumberText("minimum"),
            resolvedSchema.ChildNumberText("maximum"),
            resolvedSchema.ChildInt("minLength"),
            resolvedSchema.ChildInt("maxLength"),
            resolvedSchema.ChildString("pattern"),
            resolvedSchema.ChildInt("minItems"),
            resolvedSchema.ChildInt("maxItems"));
        var required = kind == ParameterLocation.Path || node.ChildBool("required");
        if (kind == ParameterLocation.Path && !path.Contains("{" + name + "}"))
        {
            _diagnostics.Add("MG0008", node.Location(document.Path), $"The path parameter '{name}' of '{context.OperationId}'", $"the path '{path}' has no {{{name}}}");
            return null;
        }

        var parameter = new ParameterSpec(
            name,
            kind == ParameterLocation.Header ? Naming.HeaderParameterName(name) : Naming.ToCamelCase(name),
            kind,
            required,
            type,
            SchemaResolver.Describe(node),
            constraints,
            resolvedSchema is null ? null : SchemaResolver.DefaultLiteral(resolvedSchema));

        if (node.ChildString("x-modulegen-scope") is { } scopeName)
        {
            if (kind != ParameterLocation.Header)
            {
                _diagnostics.Add("MG0005", node.Location(document.Path), "x-modulegen-scope", "only a header parameter can be a client scope");
                return null;
            }

            var scopeIdentifier = Naming.ToPascalCase(scopeName);
            return new ParameterOutcome(
                ParameterRole.Scope,
                parameter,
                new ScopeSpec(scopeIdentifier, name, Naming.ToCamelCase(scopeIdentifier) + "Id", constraints.Pattern, parameter.Description));
        }

        if (node.ChildBool("x-modulegen-idempotency-key"))
        {
            if (kind != ParameterLocation.Header || type.Kind != TypeKind.String)
            {
                _diagnostics.Add("MG0005", node.Location(document.Path), "x-modulegen-idempotency-key", "only a string header parameter can carry a retry key");
                return null;
            }

            return new ParameterOutcome(ParameterRole.IdempotencyKey, parameter, null);
        }

        return new ParameterOutcome(ParameterRole.Argument, parameter, null);
    }

    private void RegisterScope(string clientName, ScopeSpec? scope, YamlNode node, SpecDocument document)
    {
        if (scope is null)
        {
            return;
        }

        if (!_clientScopes.TryGetValue(clientName, out var scopes))
        {
            scopes = new Dictionary<string, ScopeSpec>(StringComparer.Ordinal);
            _clientScopes.Add(clientName, scopes);
        }

        if (scopes.TryGetValue(scope.Name, out var existing) && existing != scope)
        {
            _diagnostics.Add("MG0005", node.Location(document.Path), "x-modulegen-scope", $"the scope '{scope.Name}' of {clientName} is declared twice with different header parameters");
            return;
        }

        scopes[scope.Name] = scope;
    }

    private static IEnumerable<string> TemplateNames(string path)
    {
        var start = path.IndexOf('{');
        while (start >= 0)
        {
            var end = path.IndexOf('}', start);
            if (end < 0)
            {
                yield break;
            }

            yield return path.Substring(start + 1, end - start - 1);
            start = path.IndexOf('{', end);
        }
    }

    private RequestBodySpec? ParseRequestBody(OperationContext context, YamlNode raw)
    {
        var (node, document) = Dereference(raw, context.Document);
        if (node is null)
        {
            return null;
        }

        var required = node.ChildBool("required");
        var description = SchemaResolver.Describe(node);
        if (node.ChildMapping("content") is not { Children.Count: > 0 } content)
        {
            _diagnostics.Add("MG0002", node.Location(document.Path), $"The request body of '{context.OperationId}'", "content");
            return null;
        }

        var mediaTypes = content.Children.Select(p => p.Key.KeyText() ?? string.Empty).ToList();
        var hint = Naming.ToPascalCase(context.OperationId) + "Request";
        foreach (var (mediaType, kind) in new[]
                 {
                     ("application/json", BodyKind.Json),
                     ("application/x-www-form-urlencoded", BodyKind.Form),
                     ("multipart/form-data", BodyKind.Multipart),
                 })
        {
            if (content.Child(mediaType) is not { } media)
            {
                continue;
            }

            if (media.Child("schema") is not { } schemaNode)
            {
                _diagnostics.Add("MG0002", media.Location(document.Path), $"The {mediaType} body of '{context.OperationId}'", "schema");
                return null;
            }

            var type = _schemas.Resolve(schemaNode, document, hint);
            if (type is null)
            {
                return null;
            }

            if (kind != BodyKind.Json && type.Kind != TypeKind.Model)
            {
                _diagnostics.Add("MG0004", media.Location(document.Path), $"A {mediaType} body that is not an object", $"the operation '{context.OperationId}'");
                return null;
            }

            _schemas.MarkEncoding(type, kind);
            return new RequestBodySpec(kind, type, required, description, ImmutableEquatableArray<string>.Empty);
        }

        var binaryTypes = mediaTypes.Where(m => IsBinaryMedia(content.Child(m), document)).ToList();
        if (binaryTypes.Count == mediaTypes.Count)
        {
            return new RequestBodySpec(BodyKind.Binary, TypeRef.Binary, required, description, binaryTypes.ToImmutableEquatableArray());
        }

        _diagnostics.Add("MG0004", content.Location(document.Path), $"The request media type '{mediaTypes[0]}'", $"the operation '{context.OperationId}'");
        return null;
    }

    private bool IsBinaryMedia(YamlNode? media, SpecDocument document)
    {
        var schema = media.Child("schema");
        if (schema is null)
        {
            return true;
        }

        var (resolved, _) = Dereference(schema, document);
        return resolved.ChildString("type") == "string" && resolved.ChildString("format") == "binary";
    }

    private ResponseSpec? ParseResponses(OperationContext context, out ImmutableEquatableArray<int> alreadyAccepted)
    {
        alreadyAccepted = ImmutableEquatableArray<int>.Empty;
        if (context.Operation.ChildMapping("responses") is not { Children.Count: > 0 } responses)
        {
            _diagnostics.Add("MG0002", context.Location, $"The operation '{context.OperationId}'", "responses");
            return null;
        }

        var accepted = new List<int>();
        ResponseSpec? success = null;
        var successCode = int.MaxValue;
        foreach (var pair in responses.Children)
        {
            var codeText = pair.Key.KeyText() ?? string.Empty;
            var (node, document) = Dereference(pair.Value, context.Document);
            if (node is null)
            {
                return null;
            }

            int.TryParse(codeText, out var code);
            if (node.ChildBool("x-modulegen-already-accepted"))
            {
                accepted.Add(code);
            }

            var media = node.ChildMapping("content");
            var isSuccess = code is >= 200 and < 300;
            if (!isSuccess)
            {
                // Error bodies are read by the runtime; their schemas still have to resolve.
                if (media?.Children.FirstOrDefault().Value.Child("schema") is { } errorSchema)
                {
                    _schemas.Resolve(errorSchema, document, Naming.ToPascalCase(context.OperationId) + "Error");
                }

                continue;
            }

            if (code >= successCode)
            {
                continue;
            }

            successCode = code;
            var description = SchemaResolver.Describe(node);
            if (media is null || media.Children.Count == 0)
            {
                success = new ResponseSpec(BodyKind.None, null, description);
                continue;
            }

            if (media.Child("application/json") is { } json)
            {
                if (json.Child("schema") is not { } schemaNode)
                {
                    success = new ResponseSpec(BodyKind.None, null, description);
                    continue;
                }

                var type = _schemas.Resolve(schemaNode, document, Naming.ToPascalCase(context.OperationId) + "Response");
                if (type is null)
                {
                    return null;
                }

                if (type.Kind == TypeKind.Any)
                {
                    success = new ResponseSpec(BodyKind.None, null, description);
                    continue;
                }

                if (type.Kind != TypeKind.Model)
                {
                    _diagnostics.Add("MG0004", json.Location(document.Path), $"A JSON response of kind {type.Kind}", $"the operation '{context.OperationId}'");
                    return null;
                }

                success = new ResponseSpec(BodyKind.Json, type, description);
                continue;
            }

            var first = media.Children.First();
            if (IsBinaryMedia(first.Value, document))
            {
                success = new ResponseSpec(BodyKind.Binary, TypeRef.Binary, description);
                continue;
            }

            _diagnostics.Add("MG0004", first.Key.Location(document.Path), $"The response media type '{first.Key.KeyText()}'", $"the operation '{context.OperationId}'");
            return null;
        }

        alreadyAccepted = accepted.OrderBy(c => c).ToImmutableEquatableArray();
        if (success is null)
        {
            _diagnostics.Add("MG0002", responses.Location(context.Document.Path), $"The operation '{context.OperationId}'", "a 2xx response");
        }

        return success;
    }

    private RateLimitSpec? ParseRateLimit(OperationContext context)
    {
        if (context.Operation.Child("x-modulegen-rate-limit") is not { } node)
        {
            return null;
        }

        var requests = node.ChildInt("requests");
        var per = node.ChildString("per");
        if (requests is not > 0 || per is not ("second" or "minute" or "hour"))
        {
            _diagnostics.Add("MG0005", node.Location(context.Document.Path), "x-modulegen-rate-limit", $"it needs 'requests' (a positive integer) and 'per' (second, minute or hour), not requests: {node.ChildString("requests") ?? "(none)"}, per: {per ?? "(none)"}");
            return null;
        }

        return new RateLimitSpec(requests.Value, per);
    }

    private PaginationSpec? ParsePagination(OperationContext context, ResponseSpec response, List<ParameterSpec> parameters)
    {
        if (context.Operation.Child("x-modulegen-pagination") is not { } node)
        {
            return null;
        }

        var location = node.Location(context.Document.Path);
        var items = node.ChildString("items");
        var next = node.ChildString("next");
        var token = node.ChildString("token");
        if (items is null || next is null || token is null)
        {
            _diagnostics.Add("MG0005", location, "x-modulegen-pagination", "it needs 'items', 'next' and 'token'");
            return null;
        }

        var model = response.Type?.FullName is { } fullName ? _schemas.FindSchema(fullName) : null;
        var itemsProperty = model?.Properties.FirstOrDefault(p => p.JsonName == items);
        var nextProperty = model?.Properties.FirstOrDefault(p => p.JsonName == next);
        var tokenParameter = parameters.FirstOrDefault(p => p.WireName == token && p.Location == ParameterLocation.Query);
        if (itemsProperty?.Type.Kind != TypeKind.Array)
        {
            _diagnostics.Add("MG0005", location, "x-modulegen-pagination", $"the response of '{context.OperationId}' has no array property '{items}'");
            return null;
        }

        if (nextProperty?.Type.Kind != TypeKind.String)
        {
            _diagnostics.Add("MG0005", location, "x-modulegen-pagination", $"the response of '{context.OperationId}' has no string property '{next}'");
            return null;
        }

        if (tokenParameter is null)
        {
            _diagnostics.Add("MG0005", location, "x-modulegen-pagination", $"'{context.OperationId}' has no query parameter '{token}'");
            return null;
        }

        var pascal = Naming.ToPascalCase(context.OperationId);
        var methodName = node.ChildString("method")
            ?? (pascal.StartsWith("Get", StringComparison.Ordinal) ? "GetAll" + pascal.Substring(3) : pascal + "All");
        return new PaginationSpec(
            Naming.ToPascalCase(methodName),
            itemsProperty.PropertyName,
            itemsProperty.Type.Element!,
            nextProperty.PropertyName,
            tokenParameter.ArgumentName);
    }

    public ImmutableEquatableArray<ClientSpec> BuildClients(string rootNamespace)
        => _clients
            .OrderBy(c => c.Key, StringComparer.Ordinal)
            .Select(c => new ClientSpec(
                c.Key,
                rootNamespace,
                (_clientScopes.TryGetValue(c.Key, out var scopes) ? scopes.Values : Enumerable.Empty<ScopeSpec>())
                    .OrderBy(s => s.Name, StringComparer.Ordinal)
                    .ToImmutableEquatableArray(),
                c.Value.OrderBy(o => o.MethodName, StringComparer.Ordinal).ToImmutableEquatableArray()))
            .ToImmutableEquatableArray();

    private sealed class OperationContext
    {
        public OperationContext(SpecDocument document, string operationId, YamlMappingNode operation)
        {
            Document = document;
            OperationId = operationId;
            Operation = operation;
            Location = operation.Location(document.Path);
        }

        public SpecDocument Document { get; }

        public string OperationId { get; }

        public YamlMappingNode Operation { get; }

        public LocationInfo Location { get; }
    }
}
