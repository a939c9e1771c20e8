using System;
using System.Collections.Generic;
using ModuleGen.Generator.Diagnostics;
using ModuleGen.Generator.Helpers;
using ModuleGen.Generator.Model;
using YamlDotNet.RepresentationModel;

namespace ModuleGen.Generator.Parsing;

/// <summary>
/// Phase 1 of parsing: turns schema nodes into <see cref="TypeRef"/>s, building a <see cref="SchemaBuilder"/> for every
/// named component and every inline object or enum; <see cref="Freeze"/> then merges <c>allOf</c> members and returns
/// the sorted, equatable <see cref="SchemaCatalog"/> operations are read against. This file resolves a node to a type;
/// the partial files build objects and enums (<c>.Objects</c>), resolve what operations use (<c>.Operations</c>) and
/// freeze (<c>.Freeze</c>).
/// </summary>
internal sealed partial class SchemaResolver
{
    private static readonly string[] UnsupportedKeywords = { "oneOf", "anyOf", "not" };

    private readonly SpecDocumentSet _documents;
    private readonly ReferenceFollower _references;
    private readonly DiagnosticBag _diagnostics;
    private readonly string _rootNamespace;
    private readonly Dictionary<string, TypeRef?> _components = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SchemaBuilder> _schemas = new(StringComparer.Ordinal);

    public SchemaResolver(SpecDocumentSet documents, ReferenceFollower references, DiagnosticBag diagnostics, string rootNamespace)
    {
        _documents = documents;
        _references = references;
        _diagnostics = diagnostics;
        _rootNamespace = rootNamespace;
    }

    private string ModelNamespace(SpecDocument document)
        => _rootNamespace + "." + (document.Root.ChildString("x-modulegen-namespace") ?? "Models");

    /// <summary>Every component schema is generated, reachable from an operation or not (webhook models are not).</summary>
    public void ResolveAllComponents()
    {
        foreach (var document in _documents.Documents)
        {
            if (document.Root.ChildMapping("components").ChildMapping("schemas") is not { } schemas)
            {
                continue;
            }

            foreach (var pair in schemas.Children)
            {
                if (pair.Key.KeyText() is not { } name)
                {
                    _diagnostics.Add(DiagnosticDescriptors.InvalidValue, pair.Key.Location(document.Path), "A schema name", "a key must be a string");
                    continue;
                }

                ResolveComponent(new ResolvedNode(document, pair.Value, "/components/schemas/" + name));
            }
        }
    }

    /// <summary>Resolves a schema node (a <c>$ref</c> or inline); null when it cannot be used (already reported).</summary>
    private TypeRef? Resolve(YamlNode node, SpecDocument document, string nameHint)
    {
        if (node.ChildString("$ref") is not { } reference)
        {
            return ResolveInline(node, document, nameHint, componentKey: null);
        }

        if (_references.Step(node, reference, document) is not { } resolved)
        {
            return null;
        }

        if (resolved.Pointer.StartsWith("/components/schemas/", StringComparison.Ordinal))
        {
            return ResolveComponent(resolved, node.Child("$ref")!.Location(document.Path));
        }

        if (!_references.TryEnter(resolved))
        {
            _references.ReportCycle(node, reference, document);
            return null;
        }

        try
        {
            return Resolve(resolved.Node, resolved.Document, Naming.ToPascalCase(resolved.Name));
        }
        finally
        {
            _references.Leave(resolved);
        }
    }

    private TypeRef? ResolveComponent(ResolvedNode component, LocationInfo? referencedAt = null)
    {
        var key = ReferenceFollower.Key(component);
        if (_components.TryGetValue(key, out var known))
        {
            if (known is null && _references.IsEntered(component))
            {
                _diagnostics.Add(
                    DiagnosticDescriptors.InvalidValue,
                    referencedAt ?? component.Node.Location(component.Document.Path),
                    $"The schema '{component.Name}'",
                    "it is an alias ($ref) that leads back to itself");
            }

            return known;
        }

        if (component.Node.ChildString("$ref") is not null)
        {
            // An alias: the component is another schema under a second name.
            _components[key] = null;
            _references.TryEnter(component);
            try
            {
                var aliased = Resolve(component.Node, component.Document, Naming.ToPascalCase(component.Name));
                _components[key] = aliased;
                return aliased;
            }
            finally
            {
                _references.Leave(component);
            }
        }

        // A named type is registered (in BuildObject/BuildEnum) before its members are read, so that recursive
        // schemas (a box holding boxes, a base whose mapping names sub-types that extend it) resolve to themselves.
        _components[key] = null;
        var type = ResolveInline(component.Node, component.Document, Naming.ToPascalCase(component.Name), key);
        _components[key] = type;
        return type;
    }

    private TypeRef? ResolveInline(YamlNode node, SpecDocument document, string nameHint, string? componentKey)
    {
        if (node is not YamlMappingNode mapping)
        {
            _diagnostics.Add(DiagnosticDescriptors.InvalidValue, node.Location(document.Path), $"The schema '{nameHint}'", "a schema must be a mapping");
            return null;
        }

        foreach (var keyword in UnsupportedKeywords)
        {
            if (mapping.Child(keyword) is not null)
            {
                _diagnostics.Add(
                    DiagnosticDescriptors.UnsupportedConstruct,
                    mapping.KeyLocation(keyword, document.Path),
                    $"'{keyword}' (use a discriminator with allOf sub-schemas instead)",
                    $"the schema '{nameHint}'");
                return null;
            }
        }

        var type = mapping.ChildString("type");
        var isObjectLike = mapping.Child("properties") is not null
            || mapping.Child("allOf") is not null
            || mapping.Child("discriminator") is not null
            || (type == "object" && componentKey is not null && mapping.Child("additionalProperties") is null);

        if (isObjectLike)
        {
            return BuildObject(mapping, document, nameHint, componentKey);
        }

        if (mapping.Child("enum") is YamlSequenceNode enumValues && (type is null or "string"))
        {
            return BuildEnum(mapping, enumValues, document, nameHint, componentKey);
        }

        switch (type)
        {
            case "string":
                return mapping.ChildString("format") == "binary" ? TypeRef.Binary : TypeRef.String;
            case "integer":
                return mapping.ChildString("format") == "int32" ? TypeRef.Int32 : TypeRef.Int64;
            case "number":
                return mapping.ChildString("format") == "float" ? TypeRef.Float : TypeRef.Double;
            case "boolean":
                return TypeRef.Boolean;
            case "array":
                if (mapping.Child("items") is not { } items)
                {
                    _diagnostics.Add(DiagnosticDescriptors.MissingRequiredField, mapping.KeyLocation("type", document.Path), $"The array schema '{nameHint}'", "items");
                    return null;
                }

                var element = Resolve(items, document, nameHint + "Item");
                return element is null ? null : new TypeRef(TypeKind.Array, Element: element);
            case "object":
                if (mapping.Child("additionalProperties") is YamlMappingNode valueSchema)
                {
                    var value = Resolve(valueSchema, document, nameHint + "Value");
                    return value is null ? null : new TypeRef(TypeKind.Map, Element: value);
                }

                return TypeRef.Any;
            case null:
                return TypeRef.Any;
            default:
                _diagnostics.Add(DiagnosticDescriptors.InvalidValue, mapping.KeyLocation("type", document.Path), $"The schema '{nameHint}'", $"unknown type '{type}'");
                return null;
        }
    }
}
