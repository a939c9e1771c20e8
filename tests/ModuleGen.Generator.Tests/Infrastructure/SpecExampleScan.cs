using System.Collections.Generic;
using System.IO;
using System.Linq;
using ModuleGen.Line.Testing.Spec;
using Newtonsoft.Json.Linq;
using YamlDotNet.RepresentationModel;

namespace ModuleGen.Generator.Tests.Infrastructure;

/// <summary>
/// One example in a spec file: where it is, the schema it must validate against and the JSON value its YAML denotes.
/// </summary>
internal sealed record SpecExample(string FileName, SpecLocation Location, int Line, SpecLocation SchemaLocation, JToken Value)
{
    public override string ToString() => $"{FileName} {Location} (line {Line})";
}

/// <summary>
/// Every example in one spec document, found by walking the OpenAPI structure (paths, operations, parameters,
/// request bodies, responses, headers, media types, schemas at any depth), so a property that happens to be called
/// <c>example</c> or <c>oneOf</c> is read as a property, never as the keyword.
/// </summary>
internal sealed class SpecExampleScan
{
    private static readonly string[] Methods = { "get", "put", "post", "delete", "options", "head", "patch", "trace" };
    private static readonly string[] SchemaLists = { "allOf", "oneOf", "anyOf" };
    private static readonly string[] SchemaValued = { "items", "additionalProperties", "not" };
    private static readonly string[] ExampleKeys = { "example", "examples" };

    // Data, not structure: an `example` key inside these values is part of a value.
    private static readonly string[] ValueKeywords = { "example", "examples", "default", "enum" };

    private readonly string _fileName;
    private readonly List<SpecExample> _examples = new();
    private readonly List<SpecLocation> _exampleKeys = new();
    private readonly List<string> _problems = new();

    private SpecExampleScan(string fileName) => _fileName = fileName;

    /// <summary>The examples found, each with the location of the schema it is checked against.</summary>
    public IReadOnlyList<SpecExample> Examples => _examples;

    /// <summary>
    /// Every <c>example</c>/<c>examples</c> key the walk met, keyword or property name. Compared with
    /// <see cref="EveryExampleKey"/> it proves that no part of the document holding one was skipped.
    /// </summary>
    public IReadOnlyList<SpecLocation> ExampleKeysVisited => _exampleKeys;

    /// <summary>Examples that are there but cannot be checked (an <c>externalValue</c>, a referenced Example Object).</summary>
    public IReadOnlyList<string> Problems => _problems;

    /// <summary>
    /// The independent count: every mapping key called <c>example</c> or <c>examples</c> anywhere in the document,
    /// whatever the structure around it, except inside values (<see cref="ValueKeywords"/>). The one thing it knows of
    /// OpenAPI is that the keys under <c>properties</c> are names, so a property called <c>example</c> is looked into.
    /// </summary>
    public IReadOnlyList<SpecLocation> EveryExampleKey { get; private set; } = new List<SpecLocation>();

    public static SpecExampleScan Of(string fileName, string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var root = (YamlMappingNode)stream.Documents.Single().RootNode;

        var scan = new SpecExampleScan(fileName);
        scan.Document(root);
        var everyKey = new List<SpecLocation>();
        CollectExampleKeys(root, SpecLocation.Root, everyKey);
        scan.EveryExampleKey = everyKey;
        return scan;
    }

    private void Document(YamlMappingNode root)
    {
        foreach (var (path, item) in Entries(root, "paths", SpecLocation.Root))
        {
            PathItem(item, path);
        }

        var components = SpecLocation.Root.Then("components");
        foreach (var (location, schema) in Entries(Child(root, "components"), "schemas", components))
        {
            Schema(schema, location);
        }

        foreach (var (location, parameter) in Entries(Child(root, "components"), "parameters", components))
        {
            ParameterOrHeader(parameter, location);
        }

        foreach (var (location, header) in Entries(Child(root, "components"), "headers", components))
        {
            ParameterOrHeader(header, location);
        }

        foreach (var (location, response) in Entries(Child(root, "components"), "responses", components))
        {
            Response(response, location);
        }
    }

    private void PathItem(YamlNode node, SpecLocation location)
    {
        if (node is not YamlMappingNode item || IsReference(item))
        {
            return;
        }

        Parameters(item, location);
        foreach (var method in Methods)
        {
            if (Child(item, method) is YamlMappingNode operation)
            {
                var operationLocation = location.Then(method);
                Parameters(operation, operationLocation);
                if (Child(operation, "requestBody") is YamlMappingNode requestBody && !IsReference(requestBody))
                {
                    Content(requestBody, operationLocation.Then("requestBody"));
                }

                foreach (var (responseLocation, response) in Entries(operation, "responses", operationLocation))
                {
                    Response(response, responseLocation);
                }
            }
        }
    }

    private void Parameters(YamlMappingNode owner, SpecLocation ownerLocation)
    {
        if (Child(owner, "parameters") is YamlSequenceNode parameters)
        {
            for (var index = 0; index < parameters.Children.Count; index++)
            {
                ParameterOrHeader(parameters.Children[index], ownerLocation.Then("parameters").Then(index));
            }
        }
    }

    private void Response(YamlNode node, SpecLocation location)
    {
        if (node is not YamlMappingNode response || IsReference(response))
        {
            return;
        }

        foreach (var (headerLocation, header) in Entries(response, "headers", location))
        {
            ParameterOrHeader(header, headerLocation);
        }

        Content(response, location);
    }

    /// <summary>A Parameter or Header Object: its own example(s) are checked against its schema.</summary>
    private void ParameterOrHeader(YamlNode node, SpecLocation location)
    {
        if (node is not YamlMappingNode parameter || IsReference(parameter))
        {
            return;
        }

        ExampleAndExamples(parameter, location, location.Then("schema"));
        Schema(Child(parameter, "schema"), location.Then("schema"));
    }

    private void Content(YamlMappingNode owner, SpecLocation ownerLocation)
    {
        foreach (var (location, node) in Entries(owner, "content", ownerLocation))
        {
            if (node is YamlMappingNode mediaType)
            {
                ExampleAndExamples(mediaType, location, location.Then("schema"));
                Schema(Child(mediaType, "schema"), location.Then("schema"));
            }
        }
    }

    private void Schema(YamlNode? node, SpecLocation location)
    {
        if (node is not YamlMappingNode schema || IsReference(schema))
        {
            return;
        }

        if (Child(schema, "example") is { } example)
        {
            Found(example, location.Then("example"), location);
        }

        foreach (var (propertyLocation, property) in Entries(schema, "properties", location))
        {
            if (ExampleKeys.Contains(propertyLocation.Last))
            {
                _exampleKeys.Add(propertyLocation);
            }

            Schema(property, propertyLocation);
        }

        foreach (var keyword in SchemaValued)
        {
            Schema(Child(schema, keyword), location.Then(keyword));
        }

        foreach (var keyword in SchemaLists)
        {
            if (Child(schema, keyword) is YamlSequenceNode branches)
            {
                for (var index = 0; index < branches.Children.Count; index++)
                {
                    Schema(branches.Children[index], location.Then(keyword).Then(index));
                }
            }
        }
    }

    private void ExampleAndExamples(YamlMappingNode owner, SpecLocation ownerLocation, SpecLocation schemaLocation)
    {
        if (Child(owner, "example") is { } example)
        {
            Found(example, ownerLocation.Then("example"), schemaLocation);
        }

        foreach (var (location, node) in Entries(owner, "examples", ownerLocation))
        {
            if (node is YamlMappingNode exampleObject && !IsReference(exampleObject) && Child(exampleObject, "value") is { } value)
            {
                Found(value, location.Then("value"), schemaLocation);
            }
            else
            {
                _problems.Add($"{_fileName} {location} (line {node.Start.Line}) has no inline value to check.");
            }
        }

        if (Child(owner, "examples") is not null)
        {
            _exampleKeys.Add(ownerLocation.Then("examples"));
        }
    }

    private void Found(YamlNode value, SpecLocation location, SpecLocation schemaLocation)
    {
        if (location.Last == "example")
        {
            _exampleKeys.Add(location);
        }

        _examples.Add(new SpecExample(_fileName, location, (int)value.Start.Line, schemaLocation, JToken.Parse(YamlJson.ToJson(value)?.ToJsonString() ?? "null")));
    }

    /// <param name="keysAreNames">The mapping is the value of a <c>properties</c> keyword, so its keys are property names.</param>
    private static void CollectExampleKeys(YamlNode node, SpecLocation location, List<SpecLocation> found, bool keysAreNames = false)
    {
        switch (node)
        {
            case YamlMappingNode mapping:
                foreach (var (key, value) in mapping.Children)
                {
                    var name = ((YamlScalarNode)key).Value ?? string.Empty;
                    if (ExampleKeys.Contains(name))
                    {
                        found.Add(location.Then(name));
                    }

                    if (keysAreNames || !ValueKeywords.Contains(name))
                    {
                        CollectExampleKeys(value, location.Then(name), found, keysAreNames: !keysAreNames && name == "properties");
                    }
                }

                break;
            case YamlSequenceNode sequence:
                for (var index = 0; index < sequence.Children.Count; index++)
                {
                    CollectExampleKeys(sequence.Children[index], location.Then(index), found);
                }

                break;
        }
    }

    private static IEnumerable<(SpecLocation Location, YamlNode Node)> Entries(YamlNode? owner, string key, SpecLocation ownerLocation)
        => Child(owner, key) is YamlMappingNode map
            ? map.Children.Select(entry => (ownerLocation.Then(key).Then(((YamlScalarNode)entry.Key).Value ?? string.Empty), entry.Value))
            : Enumerable.Empty<(SpecLocation, YamlNode)>();

    private static YamlNode? Child(YamlNode? owner, string key)
        => owner is YamlMappingNode mapping
            ? mapping.Children.FirstOrDefault(entry => entry.Key is YamlScalarNode { Value: var name } && name == key).Value
            : null;

    private static bool IsReference(YamlMappingNode node) => Child(node, "$ref") is not null;
}
