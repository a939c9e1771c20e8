using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;

namespace ModuleGen.Line.Testing.Spec;

/// <summary>
/// Turns an OpenAPI 3.0 schema into a self-contained draft-07 JSON Schema. What changes:
/// <list type="bullet">
/// <item><c>$ref</c> to a component schema (any file) → <c>#/definitions/{file}.{Name}</c>; other references are inlined.</item>
/// <item><c>nullable: true</c> → <c>null</c> added to <c>type</c> (and to <c>enum</c>).</item>
/// <item>Boolean <c>exclusiveMinimum</c>/<c>exclusiveMaximum</c> → the draft-07 numeric form.</item>
/// <item>A discriminator mapping → per value "not this value, or the subtype" (<c>anyOf</c> of a <c>not</c> and a
/// reference): draft-07's <c>if</c>/<c>then</c> said the same way, because NJsonSchema ignores <c>if</c>/<c>then</c> and
/// <c>const</c>. The subtype is referenced in an "own" form that leaves out its <c>allOf</c> reference back to the base, so
/// validation never loops.</item>
/// <item>Annotations (description, example, x-…, readOnly…) are dropped.</item>
/// </list>
/// </summary>
internal sealed class JsonSchemaTranslator(LineSpec spec)
{
    private const string ComponentSchemas = "#/components/schemas/";

    private static readonly HashSet<string> CopiedKeywords = new(StringComparer.Ordinal)
    {
        "type", "format", "enum", "const", "pattern", "minLength", "maxLength", "minimum", "maximum", "multipleOf",
        "minItems", "maxItems", "uniqueItems", "required", "minProperties", "maxProperties", "default",
    };

    private readonly JsonObject definitions = [];
    private readonly Queue<(string Key, string File, string Name, (string File, string Name)? WithoutBase)> pending = new();

    public JsonObject Translate(string fileName, JsonNode schema)
    {
        var root = new JsonObject
        {
            ["$schema"] = "http://json-schema.org/draft-07/schema#",
            ["allOf"] = new JsonArray(TranslateSchema(fileName, schema, withoutBase: null)),
        };
        while (pending.TryDequeue(out var next))
        {
            var (_, component) = spec.Resolve(next.File, ComponentSchemas + next.Name);
            definitions[next.Key] = TranslateSchema(next.File, component, next.WithoutBase, componentName: next.Name);
        }

        if (definitions.Count > 0)
        {
            root["definitions"] = definitions;
        }

        return root;
    }

    private JsonNode TranslateSchema(string fileName, JsonNode? schema, (string File, string Name)? withoutBase, string? componentName = null)
    {
        if (schema is JsonValue boolean)
        {
            return boolean.DeepClone();
        }

        if (schema is not JsonObject obj)
        {
            throw new InvalidDataException($"{fileName}: a schema must be a mapping or a boolean.");
        }

        if (obj["$ref"]?.GetValue<string>() is { } reference)
        {
            return TranslateReference(fileName, reference);
        }

        var result = new JsonObject();
        foreach (var (keyword, value) in obj)
        {
            if (CopiedKeywords.Contains(keyword))
            {
                result[keyword] = value?.DeepClone();
                continue;
            }

            switch (keyword)
            {
                case "properties":
                    var properties = new JsonObject();
                    foreach (var (name, propertySchema) in (JsonObject)value!)
                    {
                        properties[name] = TranslateSchema(fileName, propertySchema, withoutBase: null);
                    }

                    result[keyword] = properties;
                    break;
                case "items" or "not":
                    result[keyword] = TranslateSchema(fileName, value, withoutBase: null);
                    break;
                case "additionalProperties":
                    result[keyword] = value is JsonObject ? TranslateSchema(fileName, value, withoutBase: null) : value?.DeepClone();
                    break;
                case "allOf" or "oneOf" or "anyOf":
                    var members = new JsonArray();
                    foreach (var member in (JsonArray)value!)
                    {
                        if (keyword == "allOf" && withoutBase is { } skipped && RefersTo(fileName, member, skipped))
                        {
                            continue;
                        }

                        members.Add(TranslateSchema(fileName, member, withoutBase: null));
                    }

                    result[keyword] = members;
                    break;
            }
        }

        if (obj["exclusiveMinimum"]?.GetValue<bool>() == true && result["minimum"] is { } minimum)
        {
            result.Remove("minimum");
            result["exclusiveMinimum"] = minimum.DeepClone();
        }

        if (obj["exclusiveMaximum"]?.GetValue<bool>() == true && result["maximum"] is { } maximum)
        {
            result.Remove("maximum");
            result["exclusiveMaximum"] = maximum.DeepClone();
        }

        if (obj["discriminator"] is JsonObject discriminator && discriminator["mapping"] is JsonObject mapping)
        {
            if (componentName is null)
            {
                throw new InvalidDataException($"{fileName}: a discriminator outside components/schemas cannot be translated.");
            }

            var propertyName = discriminator["propertyName"]!.GetValue<string>();
            var allOf = result["allOf"] as JsonArray ?? [];
            foreach (var (value, target) in mapping)
            {
                var (targetFile, targetName) = ComponentReference(fileName, target!.GetValue<string>());
                var ownKey = Key(targetFile, targetName) + ".own";
                if (!definitions.ContainsKey(ownKey) && pending.All(entry => entry.Key != ownKey))
                {
                    definitions[ownKey] = null; // reserved, filled from the queue
                    pending.Enqueue((ownKey, targetFile, targetName, (fileName, componentName)));
                }

                var hasThisValue = new JsonObject
                {
                    ["properties"] = new JsonObject { [propertyName] = new JsonObject { ["enum"] = new JsonArray(value) } },
                    ["required"] = new JsonArray(propertyName),
                };
                allOf.Add(new JsonObject
                {
                    ["anyOf"] = new JsonArray(
                        new JsonObject { ["not"] = hasThisValue },
                        new JsonObject { ["$ref"] = "#/definitions/" + ownKey }),
                });
            }

            result["allOf"] = allOf;
        }

        if (obj["nullable"]?.GetValue<bool>() == true)
        {
            result = Nullable(result);
        }

        return result;
    }

    private static JsonObject Nullable(JsonObject schema)
    {
        if (schema["enum"] is JsonArray values && !values.Any(value => value is null))
        {
            values.Add(null);
        }

        switch (schema["type"])
        {
            case JsonValue type:
                schema["type"] = new JsonArray(type.GetValue<string>(), "null");
                return schema;
            case JsonArray types:
                if (!types.Any(type => type?.GetValue<string>() == "null"))
                {
                    types.Add("null");
                }

                return schema;
            default:
                return new JsonObject { ["anyOf"] = new JsonArray(new JsonObject { ["type"] = "null" }, schema) };
        }
    }

    private JsonNode TranslateReference(string fileName, string reference)
    {
        var hash = reference.IndexOf('#', StringComparison.Ordinal);
        if (hash >= 0 && reference.AsSpan(hash).StartsWith(ComponentSchemas, StringComparison.Ordinal))
        {
            var (targetFile, name) = ComponentReference(fileName, reference);
            var key = Key(targetFile, name);
            if (!definitions.ContainsKey(key))
            {
                definitions[key] = null; // reserved, filled from the queue
                pending.Enqueue((key, targetFile, name, null));
            }

            return new JsonObject { ["$ref"] = "#/definitions/" + key };
        }

        var (resolvedFile, resolved) = spec.Resolve(fileName, reference);
        return TranslateSchema(resolvedFile, resolved, withoutBase: null);
    }

    private bool RefersTo(string fileName, JsonNode? member, (string File, string Name) target) =>
        member is JsonObject obj
        && obj["$ref"]?.GetValue<string>() is { } reference
        && reference.Contains(ComponentSchemas, StringComparison.Ordinal)
        && ComponentReference(fileName, reference) == target;

    private static (string File, string Name) ComponentReference(string fileName, string reference)
    {
        var hash = reference.IndexOf('#', StringComparison.Ordinal);
        var file = hash == 0 ? fileName : Path.GetFileName(reference[..hash]);
        var pointer = reference[hash..];
        if (!pointer.StartsWith(ComponentSchemas, StringComparison.Ordinal))
        {
            throw new InvalidDataException($"{fileName}: '{reference}' is not a component schema.");
        }

        return (file, pointer[ComponentSchemas.Length..]);
    }

    private static string Key(string fileName, string name) => Path.GetFileNameWithoutExtension(fileName) + "." + name;
}
