using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;

namespace ModuleGen.Line.Testing.Spec;

/// <summary>
/// The OpenAPI files of <c>spec/</c>, read independently of the generator: the operations with everything a contract
/// test or the fake platform needs to know about the wire (method, path, host, authentication, parameters, request media
/// type), and the request schemas as self-contained JSON Schemas.
/// </summary>
/// <remarks>
/// The files are embedded in this assembly at build time (<c>ModuleGen.Line.Testing.Spec.*.yaml</c>), so the fake
/// platform describes the same LINE as the clients it ships with and never reads a repository at run time.
/// </remarks>
internal sealed class LineSpec
{
    private const string ResourcePrefix = "ModuleGen.Line.Testing.Spec.";

    private static readonly Lazy<LineSpec> Embedded = new(LoadEmbedded);

    private static readonly string[] HttpMethods = ["get", "put", "post", "delete", "patch", "head", "options"];

    private readonly Dictionary<string, JsonObject> documents;
    private readonly Dictionary<string, SpecOperation> operations;

    private LineSpec(Dictionary<string, JsonObject> documents)
    {
        this.documents = documents;
        operations = new Dictionary<string, SpecOperation>(StringComparer.Ordinal);
        foreach (var (file, document) in documents.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            foreach (var operation in ReadOperations(file, document))
            {
                if (!operations.TryAdd(operation.OperationId, operation))
                {
                    throw new InvalidDataException($"operationId '{operation.OperationId}' is used twice ({operations[operation.OperationId].File}, {file}).");
                }
            }
        }
    }

    /// <summary>The spec files embedded in this assembly (read once).</summary>
    public static LineSpec Default => Embedded.Value;

    /// <summary>The file names, e.g. <c>messaging-api.yaml</c>.</summary>
    public IEnumerable<string> FileNames => documents.Keys.OrderBy(name => name, StringComparer.Ordinal);

    /// <summary>Every operation the generator turns into a client method (<c>x-modulegen-ignore</c> ones left out), by operationId.</summary>
    public IReadOnlyCollection<SpecOperation> Operations => operations.Values;

    private static LineSpec LoadEmbedded()
    {
        var assembly = typeof(LineSpec).Assembly;
        var documents = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(name => name.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            var fileName = resource[ResourcePrefix.Length..];
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            documents[fileName] = YamlJson.Read(reader, fileName) as JsonObject
                ?? throw new InvalidDataException($"{fileName}: the document is not a mapping.");
        }

        return documents.Count > 0
            ? new LineSpec(documents)
            : throw new InvalidOperationException($"No spec files are embedded in {assembly.GetName().Name} (resources named {ResourcePrefix}*.yaml).");
    }

    /// <summary>The operation with this operationId.</summary>
    /// <exception cref="KeyNotFoundException">No such operation (or it is ignored).</exception>
    public SpecOperation Operation(string operationId) =>
        operations.TryGetValue(operationId, out var operation)
            ? operation
            : throw new KeyNotFoundException($"The spec has no operation '{operationId}'.");

    /// <summary>The raw document of one file.</summary>
    public JsonObject Document(string fileName) =>
        documents.TryGetValue(fileName, out var document)
            ? document
            : throw new KeyNotFoundException($"The spec has no file '{fileName}'.");

    /// <summary>
    /// The JSON request body schema of <paramref name="operationId"/> as a self-contained draft-07 JSON Schema: every
    /// <c>$ref</c> (also across files) becomes a local definition, <c>nullable</c> becomes a <c>null</c> type, and each
    /// discriminator mapping becomes an <c>if</c>/<c>then</c> per value so a subtype is checked against its own schema
    /// (unknown discriminator values stay valid, as the generated Unknown fallback expects).
    /// </summary>
    /// <exception cref="InvalidOperationException">The operation has no JSON request body.</exception>
    public JsonObject RequestJsonSchema(string operationId)
    {
        var operation = Operation(operationId);
        if (operation.RequestBody is not { MediaType: "application/json" } body)
        {
            throw new InvalidOperationException($"'{operationId}' has no application/json request body ({operation.RequestBody?.MediaType ?? "none"}).");
        }

        return new JsonSchemaTranslator(this).Translate(body.File, body.Schema);
    }

    /// <summary>A component schema (<c>components/schemas/<paramref name="name"/></c> of <paramref name="fileName"/>) as a self-contained JSON Schema.</summary>
    public JsonObject ComponentJsonSchema(string fileName, string name)
    {
        var reference = new JsonObject { ["$ref"] = $"#/components/schemas/{name}" };
        return new JsonSchemaTranslator(this).Translate(fileName, reference);
    }

    /// <summary>
    /// The properties of the request body schema (following <c>$ref</c> and <c>allOf</c>), with whether each is required;
    /// for form and multipart bodies, whose fields WireMock checks one by one.
    /// </summary>
    public IReadOnlyList<SpecProperty> RequestProperties(string operationId)
    {
        var operation = Operation(operationId);
        if (operation.RequestBody is not { } body)
        {
            return [];
        }

        var properties = new List<SpecProperty>();
        CollectProperties(body.File, body.Schema, properties, depth: 0);
        return properties;
    }

    /// <summary>Resolves <paramref name="reference"/> (<c>file.yaml#/pointer</c> or <c>#/pointer</c>) seen in <paramref name="fileName"/>.</summary>
    public (string FileName, JsonNode Node) Resolve(string fileName, string reference)
    {
        var hash = reference.IndexOf('#', StringComparison.Ordinal);
        if (hash < 0)
        {
            throw new InvalidDataException($"{fileName}: '$ref: {reference}' has no '#' fragment.");
        }

        var targetFile = hash == 0 ? fileName : Path.GetFileName(reference[..hash]);
        JsonNode? node = Document(targetFile);
        foreach (var segment in reference[(hash + 1)..].Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var name = segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            node = node is JsonObject container && container.TryGetPropertyValue(name, out var child)
                ? child
                : throw new InvalidDataException($"{fileName}: '$ref: {reference}' does not resolve (no '{name}').");
        }

        return (targetFile, node ?? throw new InvalidDataException($"{fileName}: '$ref: {reference}' resolves to null."));
    }

    /// <summary>Follows <c>$ref</c> chains until a node without one.</summary>
    public (string FileName, JsonObject Node) Dereference(string fileName, JsonNode node)
    {
        for (var hops = 0; hops < 32; hops++)
        {
            if (node is not JsonObject obj)
            {
                throw new InvalidDataException($"{fileName}: expected a mapping, found {node.GetValueKind()}.");
            }

            if (obj["$ref"]?.GetValue<string>() is not { } reference)
            {
                return (fileName, obj);
            }

            (fileName, node) = Resolve(fileName, reference);
        }

        throw new InvalidDataException($"{fileName}: $ref chain longer than 32.");
    }

    private void CollectProperties(string fileName, JsonNode schema, List<SpecProperty> properties, int depth)
    {
        if (depth > 16)
        {
            throw new InvalidDataException($"{fileName}: allOf nested deeper than 16.");
        }

        var (file, obj) = Dereference(fileName, schema);
        var required = obj["required"] is JsonArray names ? names.Select(name => name!.GetValue<string>()).ToHashSet(StringComparer.Ordinal) : [];
        if (obj["properties"] is JsonObject declared)
        {
            foreach (var (name, propertySchema) in declared)
            {
                var (_, resolved) = Dereference(file, propertySchema!);
                properties.Add(new SpecProperty(name, required.Contains(name), resolved));
            }
        }

        if (obj["allOf"] is JsonArray parts)
        {
            foreach (var part in parts)
            {
                CollectProperties(file, part!, properties, depth + 1);
            }
        }
    }

    private IEnumerable<SpecOperation> ReadOperations(string fileName, JsonObject document)
    {
        if (document["paths"] is not JsonObject paths)
        {
            yield break;
        }

        var documentServer = FirstServer(document) ?? "";
        var documentAuth = Authentication(document);
        foreach (var (pathTemplate, pathItemNode) in paths)
        {
            var (pathFile, pathItem) = Dereference(fileName, pathItemNode!);
            var shared = pathItem["parameters"] as JsonArray;
            foreach (var method in HttpMethods)
            {
                if (pathItem[method] is not JsonObject operation || operation["x-modulegen-ignore"]?.GetValue<bool>() == true)
                {
                    continue;
                }

                var operationId = operation["operationId"]?.GetValue<string>()
                    ?? throw new InvalidDataException($"{fileName}: {method.ToUpperInvariant()} {pathTemplate} has no operationId.");
                var parameters = ReadParameters(pathFile, shared, operation["parameters"] as JsonArray);
                var auth = operation["security"] is JsonArray { Count: 0 } ? SpecAuthentication.None : documentAuth;
                var successes = (operation["responses"] as JsonObject ?? [])
                    .Where(response => response.Key.Length == 3 && response.Key[0] == '2')
                    .ToArray();
                var successStatuses = successes.Select(response => int.Parse(response.Key, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
                yield return new SpecOperation(
                    operationId,
                    fileName,
                    method.ToUpperInvariant(),
                    pathTemplate,
                    FirstServer(operation) ?? FirstServer(pathItem) ?? documentServer,
                    auth,
                    parameters,
                    ReadRequestBody(pathFile, operation["requestBody"]),
                    successStatuses,
                    successes.Length == 0 ? null : ReadResponse(pathFile, successStatuses[0], successes[0].Value!),
                    operation["x-modulegen-required-scopes"] is JsonArray scopes ? scopes.Select(scope => scope!.GetValue<string>()).ToArray() : []);
            }
        }
    }

    private List<SpecParameter> ReadParameters(string fileName, JsonArray? shared, JsonArray? own)
    {
        var byKey = new Dictionary<(string, string), SpecParameter>();
        foreach (var node in (shared ?? []).Concat(own ?? []))
        {
            var (file, parameter) = Dereference(fileName, node!);
            var name = parameter["name"]!.GetValue<string>();
            var location = parameter["in"]!.GetValue<string>();
            var schema = parameter["schema"] is { } schemaNode ? Dereference(file, schemaNode).Node : new JsonObject();
            byKey[(name, location)] = new SpecParameter(
                name,
                location,
                parameter["required"]?.GetValue<bool>() == true,
                string.Equals(parameter["x-modulegen-scope"]?.GetValue<string>(), "Bot", StringComparison.Ordinal),
                parameter["x-modulegen-idempotency-key"]?.GetValue<bool>() == true,
                schema);
        }

        return [.. byKey.Values];
    }

    private SpecRequestBody? ReadRequestBody(string fileName, JsonNode? node)
    {
        if (node is null)
        {
            return null;
        }

        var (file, body) = Dereference(fileName, node);
        var content = body["content"] as JsonObject ?? throw new InvalidDataException($"{file}: a requestBody without content.");
        var mediaTypes = content.Select(pair => pair.Key).ToArray();
        var (mediaType, media) = content.First();
        var schema = (media as JsonObject)?["schema"] ?? new JsonObject();
        return new SpecRequestBody(mediaType, mediaTypes, body["required"]?.GetValue<bool>() == true, file, schema);
    }

    private SpecResponse ReadResponse(string fileName, int status, JsonNode node)
    {
        var (file, response) = Dereference(fileName, node);
        if (response["content"] is not JsonObject { Count: > 0 } content)
        {
            return new SpecResponse(status, null, file, null);
        }

        var (mediaType, media) = content.First();
        return new SpecResponse(status, mediaType, file, (media as JsonObject)?["schema"]);
    }

    private static string? FirstServer(JsonObject node) =>
        node["servers"] is JsonArray { Count: > 0 } servers ? servers[0]!["url"]!.GetValue<string>() : null;

    private static SpecAuthentication Authentication(JsonObject document)
    {
        switch (document["x-modulegen-auth"]?.GetValue<string>())
        {
            case "none":
                return SpecAuthentication.None;
            case "basic":
                return SpecAuthentication.Basic;
        }

        if (document["security"] is not JsonArray { Count: > 0 } security)
        {
            return SpecAuthentication.None;
        }

        return security.OfType<JsonObject>().Any(requirement => requirement.ContainsKey("Basic"))
            ? SpecAuthentication.Basic
            : SpecAuthentication.Bearer;
    }

}
