using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using ModuleGen.Line.Testing.Spec;

namespace ModuleGen.OpenApiExport;

/// <summary>
/// spec/*.yaml as one OpenAPI 3.0 document with no external <c>$ref</c>: every file's components are gathered under
/// one <c>components</c> (a name two files define differently gets the file's name as a prefix), every <c>$ref</c>
/// points inside the document, and what a file said for all its operations (servers, security, its client) is put on
/// each operation, so tools that read one document (NSwag, Kiota, Postman, doc sites) see the whole platform.
/// </summary>
public sealed class SpecBundle
{
    private static readonly string[] ComponentKinds =
        ["schemas", "parameters", "responses", "headers", "requestBodies", "securitySchemes", "examples"];

    private static readonly HashSet<string> Methods = new(StringComparer.Ordinal)
        { "get", "put", "post", "delete", "options", "head", "patch", "trace" };

    private readonly JsonObject _document;

    private SpecBundle(JsonObject document, int fileCount, int renamedCount)
    {
        _document = document;
        FileCount = fileCount;
        RenamedCount = renamedCount;
    }

    public int FileCount { get; }

    public int RenamedCount { get; }

    public int PathCount => _document["paths"]!.AsObject().Count;

    public int ComponentCount => _document["components"]!.AsObject().Sum(kind => kind.Value!.AsObject().Count);

    public static SpecBundle FromDirectory(string directory)
    {
        var files = Directory.GetFiles(directory, "*.yaml")
            .OrderBy(path => path, StringComparer.Ordinal)
            .Select(path => (Name: Path.GetFileName(path), Root: Load(path)))
            .ToList();
        if (files.Count == 0)
        {
            throw new SpecBundleException($"{directory} has no *.yaml files.");
        }

        // Pass 1: every file's component names -> their names in the bundle.
        var owners = new Dictionary<(string Kind, string Name), (string File, JsonNode? Definition)>();
        var names = new Dictionary<(string File, string Kind, string Name), string>();
        var renamed = 0;
        foreach (var (file, root) in files)
        {
            foreach (var kind in ComponentKinds)
            {
                if (root["components"]?[kind] is not JsonObject defined)
                {
                    continue;
                }

                foreach (var (name, definition) in defined)
                {
                    var bundled = name;
                    if (owners.TryGetValue((kind, name), out var taken)
                        && !JsonNode.DeepEquals(
                            Rewritten(taken.Definition, taken.File, names, pending: true),
                            Rewritten(definition, file, names, pending: true)))
                    {
                        bundled = Prefix(file) + name;
                        renamed++;
                    }

                    names[(file, kind, name)] = bundled;
                    owners.TryAdd((kind, bundled), (file, definition));
                }
            }
        }

        // Pass 2: every $ref against the final names.
        var components = new JsonObject();
        foreach (var kind in ComponentKinds)
        {
            var target = new JsonObject();
            foreach (var ((_, name), (file, definition)) in owners.Where(o => o.Key.Kind == kind))
            {
                target[name] = Rewritten(definition, file, names, pending: false);
            }

            if (target.Count > 0)
            {
                components[kind] = target;
            }
        }

        var paths = new JsonObject();
        var tags = new JsonArray();
        var tagNames = new HashSet<string>(StringComparer.Ordinal);
        JsonNode? rootServers = null;
        foreach (var (file, root) in files)
        {
            foreach (var tag in root["tags"]?.AsArray() ?? [])
            {
                if (tagNames.Add((string)tag!["name"]!))
                {
                    tags.Add(tag.DeepClone());
                }
            }

            if (root["paths"] is not JsonObject filePaths)
            {
                continue;
            }

            rootServers ??= root["servers"]?.DeepClone();
            foreach (var (path, item) in filePaths)
            {
                var pathItem = (JsonObject)Rewritten(item, file, names, pending: false)!;
                foreach (var (method, operation) in pathItem.Where(p => Methods.Contains(p.Key)).ToList())
                {
                    CarryDocumentDefaults(root, (JsonObject)operation!, pathItem);
                }

                if (paths[path] is JsonObject existing)
                {
                    foreach (var (key, value) in pathItem.ToList())
                    {
                        if (existing.ContainsKey(key) && Methods.Contains(key))
                        {
                            throw new SpecBundleException($"{file}: {key.ToUpperInvariant()} {path} is defined by two files.");
                        }

                        pathItem.Remove(key);
                        existing[key] ??= value;
                    }
                }
                else
                {
                    paths[path] = pathItem;
                }
            }
        }

        var document = new JsonObject
        {
            ["openapi"] = "3.0.3",
            ["info"] = new JsonObject
            {
                ["title"] = "LINE platform for Marketplace modules (ModuleGen spec/, bundled)",
                ["version"] = "1.0",
                ["description"] = "Every file of ModuleGen's spec/ in one self-contained document: no external $ref. Generated by tools/ModuleGen.OpenApiExport; edit spec/, not this file.",
            },
            ["servers"] = rootServers ?? new JsonArray(),
            ["tags"] = tags,
            ["paths"] = paths,
            ["components"] = components,
        };
        return new SpecBundle(document, files.Count, renamed);
    }

    public string ToJson() => _document.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";

    /// <summary>A file's servers, security and client, said once for all its operations, put on each operation that says nothing of its own.</summary>
    private static void CarryDocumentDefaults(JsonObject file, JsonObject operation, JsonObject pathItem)
    {
        if (operation["servers"] is null && pathItem["servers"] is null && file["servers"] is { } servers)
        {
            operation["servers"] = servers.DeepClone();
        }

        if (operation["security"] is null && file["security"] is { } security)
        {
            operation["security"] = security.DeepClone();
        }

        foreach (var extension in new[] { "x-modulegen-client", "x-modulegen-auth" })
        {
            if (operation[extension] is null && file[extension] is { } value)
            {
                operation[extension] = value.DeepClone();
            }
        }
    }

    /// <summary>A copy of <paramref name="node"/> whose every <c>$ref</c> names the bundle's component.</summary>
    private static JsonNode? Rewritten(JsonNode? node, string file, Dictionary<(string, string, string), string> names, bool pending)
    {
        var copy = node?.DeepClone();
        Rewrite(copy, file, names, pending);
        return copy;
    }

    private static void Rewrite(JsonNode? node, string file, Dictionary<(string, string, string), string> names, bool pending)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["$ref"] is JsonValue reference && reference.TryGetValue(out string? text))
                {
                    obj["$ref"] = Resolve(text, file, names, pending);
                }

                foreach (var (_, child) in obj)
                {
                    Rewrite(child, file, names, pending);
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Rewrite(item, file, names, pending);
                }

                break;
        }
    }

    private static string Resolve(string reference, string file, Dictionary<(string, string, string), string> names, bool pending)
    {
        var hash = reference.IndexOf('#', StringComparison.Ordinal);
        var target = hash <= 0 ? file : reference[..hash];
        var pointer = hash < 0 ? string.Empty : reference[(hash + 1)..];
        var parts = pointer.Split('/');
        if (parts is not ["", "components", var kind, var name])
        {
            throw new SpecBundleException($"{file}: '{reference}' does not point at a component.");
        }

        if (names.TryGetValue((target, kind, name), out var bundled))
        {
            return $"#/components/{kind}/{bundled}";
        }

        // While names are still being assigned (pass 1 compares definitions), a reference to a later file keeps its name.
        return pending ? $"#/components/{kind}/{name}" : throw new SpecBundleException($"{file}: '{reference}' names no component.");
    }

    private static string Prefix(string file)
        => string.Concat(Path.GetFileNameWithoutExtension(file).Split('-').Select(part => char.ToUpperInvariant(part[0]) + part[1..]));

    private static JsonObject Load(string path)
    {
        using var reader = new StreamReader(path);
        return YamlJson.Read(reader, path) as JsonObject
            ?? throw new SpecBundleException($"{path} is not a YAML mapping.");
    }
}

/// <summary>spec/ cannot be bundled; the message names the file and the reason.</summary>
public sealed class SpecBundleException(string message) : Exception(message);
