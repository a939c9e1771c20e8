using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NJsonSchema;
using NSwag;

namespace ModuleGen.Generator.Tests.Infrastructure;

/// <summary>
/// The schema at a location of a document as NSwag loaded it. NJsonSchema's own JSON-pointer resolver cannot walk
/// <c>#/paths/…</c> (a path item is a dictionary of operations with properties on the side), so the steps are spelled
/// out here for the objects an example can sit in.
/// </summary>
internal static class NSwagSchemaLocator
{
    public static JsonSchema Find(OpenApiDocument document, SpecLocation location)
    {
        object current = document;
        var walked = SpecLocation.Root;
        foreach (var segment in location.Segments)
        {
            walked = walked.Then(segment);
            current = Step(current, segment)
                      ?? throw new InvalidOperationException($"NSwag read nothing at {walked}: a {current.GetType().Name} has no '{segment}'.");
        }

        return current as JsonSchema ?? throw new InvalidOperationException($"NSwag read a {current.GetType().Name}, not a schema, at {location}.");
    }

    private static object? Step(object current, string segment) => current switch
    {
        OpenApiDocument document => segment switch { "paths" => document.Paths, "components" => document.Components, _ => null },
        OpenApiComponents components => segment switch
        {
            "schemas" => components.Schemas,
            "parameters" => components.Parameters,
            "headers" => components.Headers,
            "responses" => components.Responses,
            _ => null,
        },
        OpenApiPathItem pathItem => segment == "parameters" ? pathItem.Parameters : Entry(pathItem, segment),
        OpenApiOperation operation => segment switch
        {
            "parameters" => operation.Parameters,
            "requestBody" => operation.RequestBody,
            "responses" => operation.Responses,
            _ => null,
        },
        OpenApiRequestBody requestBody => segment == "content" ? requestBody.Content : null,
        OpenApiResponse response => segment switch { "content" => response.Content, "headers" => response.Headers, _ => null },
        OpenApiMediaType mediaType => segment == "schema" ? mediaType.Schema : null,
        OpenApiParameter parameter => segment == "schema" ? parameter.Schema : null,
        JsonSchema schema => segment switch
        {
            "properties" => schema.Properties,
            "items" => schema.Item,
            "additionalProperties" => schema.AdditionalPropertiesSchema,
            "not" => schema.Not,
            "allOf" => schema.AllOf,
            "oneOf" => schema.OneOf,
            "anyOf" => schema.AnyOf,
            _ => null,
        },
        IDictionary<string, OpenApiPathItem> paths => Entry(paths, segment),
        IDictionary<string, OpenApiResponse> responses => Entry(responses, segment),
        IDictionary<string, OpenApiMediaType> content => Entry(content, segment),
        IDictionary<string, OpenApiHeader> headers => Entry(headers, segment),
        IDictionary<string, OpenApiParameter> parameters => Entry(parameters, segment),
        IDictionary<string, JsonSchemaProperty> properties => Entry(properties, segment),
        IDictionary<string, JsonSchema> schemas => Entry(schemas, segment),
        IEnumerable<OpenApiParameter> parameterList => At(parameterList, segment),
        IEnumerable<JsonSchema> schemaList => At(schemaList, segment),
        _ => null,
    };

    private static object? Entry<T>(IDictionary<string, T> entries, string key) => entries.TryGetValue(key, out var value) ? value : null;

    private static object? At<T>(IEnumerable<T> items, string index)
        => int.TryParse(index, NumberStyles.None, CultureInfo.InvariantCulture, out var position) ? items.ElementAtOrDefault(position) : null;
}
