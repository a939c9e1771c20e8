using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;

namespace ModuleGen.Line.Testing.Spec;

/// <summary>
/// The body the fake answers an operation with when nothing more specific applies: the schema's <c>example</c> where it
/// has one, otherwise the smallest value that satisfies it (required properties only, empty arrays, first enum values),
/// so a generated client reads it without error.
/// </summary>
internal static class SpecDefaultResponse
{
    private const int MaxDepth = 12;

    public static JsonNode? Body(LineSpec spec, SpecResponse response) =>
        response.Schema is null ? null : Minimal(spec, response.File, response.Schema, depth: 0);

    private static JsonNode? Minimal(LineSpec spec, string fileName, JsonNode schema, int depth)
    {
        var (file, obj) = spec.Dereference(fileName, schema);
        if (obj["example"] is { } example)
        {
            return example.DeepClone();
        }

        if (depth > MaxDepth)
        {
            return null;
        }

        if (obj["enum"] is JsonArray { Count: > 0 } values)
        {
            return values[0]?.DeepClone();
        }

        if (obj["oneOf"] is JsonArray { Count: > 0 } oneOf)
        {
            return Minimal(spec, file, oneOf[0]!, depth + 1);
        }

        if (obj["anyOf"] is JsonArray { Count: > 0 } anyOf)
        {
            return Minimal(spec, file, anyOf[0]!, depth + 1);
        }

        var type = obj["type"]?.GetValue<string>();
        if (type == "object" || obj.ContainsKey("properties") || obj.ContainsKey("allOf"))
        {
            return MinimalObject(spec, file, obj, depth);
        }

        return type switch
        {
            "array" => MinimalArray(spec, file, obj, depth),
            "integer" or "number" => JsonValue.Create(obj["minimum"]?.GetValue<double>() is { } minimum ? (long)minimum : 0L),
            "boolean" => JsonValue.Create(false),
            "string" => JsonValue.Create(MinimalString(obj)),
            _ => null,
        };
    }

    private static JsonObject MinimalObject(LineSpec spec, string file, JsonObject obj, int depth)
    {
        var result = new JsonObject();
        foreach (var part in obj["allOf"] as JsonArray ?? [])
        {
            if (Minimal(spec, file, part!, depth + 1) is JsonObject partObject)
            {
                foreach (var (name, value) in partObject.ToList())
                {
                    result[name] = value?.DeepClone();
                }
            }
        }

        var required = (obj["required"] as JsonArray ?? []).Select(name => name!.GetValue<string>()).ToHashSet();
        foreach (var (name, propertySchema) in obj["properties"] as JsonObject ?? [])
        {
            if (required.Contains(name) && propertySchema is not null)
            {
                result[name] = Minimal(spec, file, propertySchema, depth + 1);
            }
        }

        if (obj["discriminator"] is JsonObject { } discriminator && discriminator["mapping"] is JsonObject { Count: > 0 } mapping)
        {
            result[discriminator["propertyName"]!.GetValue<string>()] = mapping.First().Key;
        }

        return result;
    }

    private static JsonArray MinimalArray(LineSpec spec, string file, JsonObject obj, int depth)
    {
        var result = new JsonArray();
        var minItems = obj["minItems"]?.GetValue<int>() ?? 0;
        for (var i = 0; i < minItems && obj["items"] is { } items; i++)
        {
            result.Add(Minimal(spec, file, items, depth + 1));
        }

        return result;
    }

    private static string MinimalString(JsonObject obj)
    {
        var text = obj["format"]?.GetValue<string>() switch
        {
            "date-time" => "1970-01-01T00:00:00Z",
            "date" => "1970-01-01",
            "uri" or "url" => "https://example.com/",
            "uuid" => "00000000-0000-0000-0000-000000000000",
            _ => "",
        };
        var minLength = obj["minLength"]?.GetValue<int>() ?? 0;
        return text.Length >= minLength ? text : text + new string('x', minLength - text.Length).ToString(CultureInfo.InvariantCulture);
    }
}
