using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ModuleGen.Generator.Helpers;
using ModuleGen.Generator.Model;
using YamlDotNet.RepresentationModel;

namespace ModuleGen.Generator.Parsing;

/// <summary>
/// Turns schema nodes into <see cref="TypeRef"/>s, building a <see cref="SchemaSpec"/> for every named component and
/// every inline object or enum. Mutable while parsing; <see cref="Freeze"/> returns the sorted, equatable result.
/// </summary>
internal sealed class SchemaResolver
{
    private static readonly string[] UnsupportedKeywords = { "oneOf", "anyOf", "not" };

    private readonly SpecDocumentSet _documents;
    private readonly DiagnosticBag _diagnostics;
    private readonly string _rootNamespace;
    private readonly Dictionary<string, TypeRef?> _components = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SchemaBuilder> _schemas = new(StringComparer.Ordinal);
    private readonly HashSet<string> _following = new(StringComparer.Ordinal);

    public SchemaResolver(SpecDocumentSet documents, DiagnosticBag diagnostics, string rootNamespace)
    {
        _documents = documents;
        _diagnostics = diagnostics;
        _rootNamespace = rootNamespace;
    }

    public string ModelNamespace(SpecDocument document)
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
                    _diagnostics.Add("MG0008", pair.Key.Location(document.Path), "A schema name", "a key must be a string");
                    continue;
                }

                ResolveComponent(new ResolvedNode(document, pair.Value, "/components/schemas/" + name));
            }
        }
    }

    public SchemaBuilder? FindSchema(string fullName) => _schemas.TryGetValue(fullName, out var builder) ? builder : null;

    public void MarkEncoding(TypeRef type, BodyKind kind)
    {
        if (type.FullName is { } fullName && _schemas.TryGetValue(fullName, out var builder))
        {
            builder.FormEncoded |= kind == BodyKind.Form;
            builder.MultipartEncoded |= kind == BodyKind.Multipart;
        }
    }

    /// <summary>Resolves a schema node (a <c>$ref</c> or inline); null when it cannot be used (already reported).</summary>
    public TypeRef? Resolve(YamlNode node, SpecDocument document, string nameHint)
    {
        if (node.ChildString("$ref") is { } reference)
        {
            var resolved = _documents.Resolve(reference, document);
            if (resolved is null)
            {
                _diagnostics.Add(
                    "MG0003",
                    node.Child("$ref")!.Location(document.Path),
                    reference,
                    _documents.WhyUnresolved(reference));
                return null;
            }

            if (resolved.Value.Pointer.StartsWith("/components/schemas/", StringComparison.Ordinal))
            {
                return ResolveComponent(resolved.Value, node.Child("$ref")!.Location(document.Path));
            }

            var key = resolved.Value.Document.FileName + "#" + resolved.Value.Pointer;
            if (!_following.Add(key))
            {
                _diagnostics.Add("MG0008", node.Child("$ref")!.Location(document.Path), $"The $ref '{reference}'", "it leads back to itself");
                return null;
            }

            try
            {
                return Resolve(resolved.Value.Node, resolved.Value.Document, Naming.ToPascalCase(resolved.Value.Name));
            }
            finally
            {
                _following.Remove(key);
            }
        }

        return ResolveInline(node, document, nameHint, componentKey: null);
    }

    private TypeRef? ResolveComponent(ResolvedNode component, LocationInfo? referencedAt = null)
    {
        var key = component.Document.FileName + "#" + component.Pointer;
        if (_components.TryGetValue(key, out var known))
        {
            if (known is null && _following.Contains(key))
            {
                _diagnostics.Add(
                    "MG0008",
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
            _following.Add(key);
            try
            {
                var aliased = Resolve(component.Node, component.Document, Naming.ToPascalCase(component.Name));
                _components[key] = aliased;
                return aliased;
            }
            finally
            {
                _following.Remove(key);
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
            _diagnostics.Add("MG0008", node.Location(document.Path), $"The schema '{nameHint}'", "a schema must be a mapping");
            return null;
        }

        foreach (var keyword in UnsupportedKeywords)
        {
            if (mapping.Child(keyword) is not null)
            {
                _diagnostics.Add(
                    "MG0004",
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
                    _diagnostics.Add("MG0002", mapping.KeyLocation("type", document.Path), $"The array schema '{nameHint}'", "items");
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
                _diagnostics.Add("MG0008", mapping.KeyLocation("type", document.Path), $"The schema '{nameHint}'", $"unknown type '{type}'");
                return null;
        }
    }

    private TypeRef BuildEnum(YamlMappingNode mapping, YamlSequenceNode values, SpecDocument document, string nameHint, string? componentKey)
    {
        var builder = Register(nameHint, document, mapping, componentKey, SchemaKind.Enum);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var value in values.Children.OfType<YamlScalarNode>())
        {
            var text = value.Value ?? string.Empty;
            var member = Naming.ToPascalCase(text);
            var candidate = member;
            for (var i = 2; !seen.Add(candidate); i++)
            {
                candidate = member + i.ToString(CultureInfo.InvariantCulture);
            }

            builder.EnumValues.Add(new EnumValueSpec(text, candidate, null));
        }

        return new TypeRef(TypeKind.Enum, builder.FullName);
    }

    private TypeRef BuildObject(YamlMappingNode mapping, SpecDocument document, string nameHint, string? componentKey)
    {
        var kind = mapping.Child("discriminator") is not null ? SchemaKind.PolymorphicBase : SchemaKind.Object;
        var builder = Register(nameHint, document, mapping, componentKey, kind);
        var result = new TypeRef(TypeKind.Model, builder.FullName);

        if (mapping.ChildSequence("allOf") is { } allOf)
        {
            foreach (var member in allOf.Children)
            {
                AddAllOfMember(builder, member, document);
            }
        }

        AddProperties(builder, mapping, document);

        if (mapping.ChildMapping("discriminator") is { } discriminator)
        {
            ReadDiscriminator(builder, discriminator, document);
        }

        return result;
    }

    private void AddAllOfMember(SchemaBuilder builder, YamlNode member, SpecDocument document)
    {
        if (member.ChildString("$ref") is { } reference)
        {
            var target = Resolve(member, document, builder.Name + "Base");
            if (target?.FullName is not { } baseName || !_schemas.TryGetValue(baseName, out var baseBuilder))
            {
                if (target is not null)
                {
                    _diagnostics.Add("MG0004", member.Location(document.Path), $"allOf with the non-object '{reference}'", $"that member of '{builder.Name}'");
                }

                return;
            }

            if (baseName == builder.FullName)
            {
                _diagnostics.Add("MG0008", member.Location(document.Path), $"The schema '{builder.Name}'", "its allOf includes itself");
                return;
            }

            if (baseBuilder.Kind == SchemaKind.PolymorphicBase && builder.BaseType is null)
            {
                builder.BaseType = baseName;
            }
            else
            {
                builder.FlattenedFrom.Add(baseName);
            }

            return;
        }

        if (member is YamlMappingNode inline)
        {
            AddProperties(builder, inline, document);
        }
    }

    private void AddProperties(SchemaBuilder builder, YamlMappingNode mapping, SpecDocument document)
    {
        var required = new HashSet<string>(
            mapping.ChildSequence("required")?.Children.OfType<YamlScalarNode>().Select(n => n.Value ?? string.Empty)
                ?? Enumerable.Empty<string>(),
            StringComparer.Ordinal);

        if (mapping.ChildMapping("properties") is not { } properties)
        {
            builder.RequiredElsewhere.UnionWith(required);
            return;
        }

        foreach (var pair in properties.Children)
        {
            if (pair.Key.KeyText() is not { } jsonName)
            {
                _diagnostics.Add("MG0008", pair.Key.Location(document.Path), $"A property name of '{builder.Name}'", "a key must be a string");
                continue;
            }

            // A JSON name whose words cannot be told apart (adaccount) takes its C# name from x-modulegen-name.
            var propertyName = pair.Value.ChildString("x-modulegen-name") ?? Naming.ToPascalCase(jsonName);
            if (propertyName == builder.Name)
            {
                propertyName += "Value";
            }

            var type = Resolve(pair.Value, document, builder.Name + Naming.ToPascalCase(jsonName));
            if (type is null)
            {
                continue;
            }

            builder.Properties.RemoveAll(p => p.JsonName == jsonName);
            builder.Properties.Add(new PropertySpec(
                jsonName,
                propertyName,
                type,
                required.Contains(jsonName),
                pair.Value.ChildBool("nullable"),
                Describe(pair.Value),
                pair.Value.ChildString("x-modulegen-read-also"),
                DefaultLiteral(pair.Value),
                ConstraintsOf(type, pair.Value, document)));
        }

        builder.RequiredElsewhere.UnionWith(required);
    }

    /// <summary>
    /// The checks a writer runs on a primitive or array property: read from the property's own schema, or from the
    /// primitive component it references. Models, maps and enums carry none (their own writers check themselves).
    /// </summary>
    private ConstraintSpec ConstraintsOf(TypeRef type, YamlNode propertySchema, SpecDocument document)
    {
        if (!(type.Kind is TypeKind.String or TypeKind.Array || type.IsNumber))
        {
            return ConstraintSpec.None;
        }

        var node = propertySchema;
        if (node.ChildString("$ref") is { } reference)
        {
            if (_documents.Resolve(reference, document) is not { } resolved)
            {
                return ConstraintSpec.None;
            }

            node = resolved.Node;
        }

        return new ConstraintSpec(
            node.ChildNumberText("minimum"),
            node.ChildNumberText("maximum"),
            node.ChildInt("minLength"),
            node.ChildInt("maxLength"),
            node.ChildString("pattern"),
            node.ChildInt("minItems"),
            node.ChildInt("maxItems"));
    }

    private void ReadDiscriminator(SchemaBuilder builder, YamlMappingNode discriminator, SpecDocument document)
    {
        var propertyName = discriminator.ChildString("propertyName");
        if (propertyName is null)
        {
            _diagnostics.Add("MG0002", discriminator.Location(document.Path), $"The discriminator of '{builder.Name}'", "propertyName");
            return;
        }

        builder.DiscriminatorJsonName = propertyName;
        builder.DiscriminatorLocation = discriminator.Location(document.Path);
        if (discriminator.ChildMapping("mapping") is not { } mappings || mappings.Children.Count == 0)
        {
            _diagnostics.Add("MG0002", discriminator.Location(document.Path), $"The discriminator of '{builder.Name}'", "mapping");
            return;
        }

        foreach (var pair in mappings.Children)
        {
            if (pair.Key.KeyText() is not { } value)
            {
                _diagnostics.Add("MG0008", pair.Key.Location(document.Path), $"A discriminator value of '{builder.Name}'", "a key must be a string");
                continue;
            }

            var reference = (pair.Value as YamlScalarNode)?.Value ?? string.Empty;
            var resolved = _documents.Resolve(reference, document);
            if (resolved is null)
            {
                _diagnostics.Add("MG0003", pair.Value.Location(document.Path), reference, $" (discriminator value '{value}' of '{builder.Name}')");
                continue;
            }

            var target = ResolveComponent(resolved.Value);
            if (target?.FullName is { } fullName)
            {
                builder.Mappings.Add(new DiscriminatorMapping(value, fullName));
                builder.MappingLocations[fullName] = pair.Value.Location(document.Path);
            }
        }
    }

    private SchemaBuilder Register(string nameHint, SpecDocument document, YamlMappingNode node, string? componentKey, SchemaKind kind)
    {
        var isComponent = componentKey is not null;
        var ns = ModelNamespace(document);
        var name = nameHint;
        if (!isComponent)
        {
            for (var i = 2; _schemas.ContainsKey(ns + "." + name); i++)
            {
                name = nameHint + i.ToString(CultureInfo.InvariantCulture);
            }
        }
        else if (_schemas.TryGetValue(ns + "." + name, out var existing))
        {
            _diagnostics.Add("MG0007", node.Location(document.Path), name, ns, existing.Origin);
            name += "_" + Naming.ToPascalCase(System.IO.Path.GetFileNameWithoutExtension(document.FileName));
        }

        var builder = new SchemaBuilder(name, ns, kind, Describe(node), $"{document.FileName} line {node.Start.Line}")
        {
            Location = node.Location(document.Path),
        };
        _schemas.Add(builder.FullName, builder);
        if (componentKey is not null)
        {
            _components[componentKey] = new TypeRef(kind == SchemaKind.Enum ? TypeKind.Enum : TypeKind.Model, builder.FullName);
        }

        return builder;
    }

    /// <summary>Links sub-types to their bases and returns every schema, sorted by full name.</summary>
    public ImmutableEquatableArray<SchemaSpec> Freeze()
    {
        foreach (var builder in _schemas.Values)
        {
            foreach (var source in builder.FlattenedFrom)
            {
                foreach (var property in AllProperties(source))
                {
                    if (!builder.Properties.Any(p => p.JsonName == property.JsonName))
                    {
                        builder.Properties.Add(property);
                    }
                }
            }

            if (builder.RequiredElsewhere.Count > 0)
            {
                for (var i = 0; i < builder.Properties.Count; i++)
                {
                    var property = builder.Properties[i];
                    if (!property.Required && builder.RequiredElsewhere.Contains(property.JsonName))
                    {
                        builder.Properties[i] = property with { Required = true };
                    }
                }
            }
        }

        foreach (var builder in _schemas.Values)
        {
            if (builder.DiscriminatorJsonName is { } discriminator)
            {
                builder.Properties.RemoveAll(p => p.JsonName == discriminator);
                foreach (var mapping in builder.Mappings)
                {
                    if (_schemas.TryGetValue(mapping.TypeFullName, out var derived) && derived.BaseType != builder.FullName)
                    {
                        _diagnostics.Add(
                            "MG0005",
                            builder.MappingLocations[mapping.TypeFullName],
                            "discriminator",
                            $"'{derived.Name}' is mapped from '{builder.Name}' but does not start with allOf: [$ref to {builder.Name}]");
                    }
                }
            }
        }

        var specs = new List<SchemaSpec>();
        foreach (var builder in _schemas.Values.OrderBy(b => b.FullName, StringComparer.Ordinal))
        {
            DiscriminatorSpec? discriminatorSpec = null;
            if (builder.DiscriminatorJsonName is { } jsonName)
            {
                discriminatorSpec = new DiscriminatorSpec(
                    jsonName,
                    Naming.ToPascalCase(jsonName),
                    builder.Mappings.Where(m => _schemas.TryGetValue(m.TypeFullName, out var d) && d.BaseType == builder.FullName)
                        .ToImmutableEquatableArray());
            }

            string? discriminatorValue = null;
            string? baseDiscriminator = null;
            var inherited = ImmutableEquatableArray<PropertySpec>.Empty;
            if (builder.BaseType is { } baseType && _schemas.TryGetValue(baseType, out var baseBuilder))
            {
                discriminatorValue = baseBuilder.Mappings.FirstOrDefault(m => m.TypeFullName == builder.FullName)?.Value;
                if (discriminatorValue is null)
                {
                    _diagnostics.Add(
                        "MG0005",
                        baseBuilder.DiscriminatorLocation,
                        "discriminator",
                        $"'{builder.Name}' derives from '{baseBuilder.Name}' but its discriminator mapping has no value for it");
                    continue;
                }

                baseDiscriminator = baseBuilder.DiscriminatorJsonName;
                builder.Properties.RemoveAll(p => p.JsonName == baseDiscriminator);
                inherited = baseBuilder.Properties.ToImmutableEquatableArray();
            }

            specs.Add(new SchemaSpec(
                builder.Name,
                builder.Namespace,
                builder.Kind,
                builder.Description,
                builder.Properties.ToImmutableEquatableArray(),
                inherited,
                builder.BaseType,
                discriminatorSpec,
                discriminatorValue,
                baseDiscriminator,
                builder.EnumValues.ToImmutableEquatableArray(),
                builder.FormEncoded,
                builder.MultipartEncoded));
        }

        return specs.ToImmutableEquatableArray();
    }

    private List<PropertySpec> AllProperties(string fullName, HashSet<string>? visiting = null)
    {
        visiting ??= new HashSet<string>(StringComparer.Ordinal);
        if (!_schemas.TryGetValue(fullName, out var builder) || !visiting.Add(fullName))
        {
            if (builder is not null)
            {
                _diagnostics.Add("MG0008", builder.Location, $"The schema '{builder.Name}'", "its allOf members include it again (an allOf cycle)");
            }

            return new List<PropertySpec>();
        }

        var result = new List<PropertySpec>();
        if (builder.BaseType is { } baseType)
        {
            result.AddRange(AllProperties(baseType, visiting));
        }

        foreach (var source in builder.FlattenedFrom)
        {
            result.AddRange(AllProperties(source, visiting));
        }

        result.AddRange(builder.Properties);
        visiting.Remove(fullName);
        return result;
    }

    public static string? Describe(YamlNode node)
    {
        var text = node.ChildString("description") ?? node.ChildString("summary");
        return text?.Trim();
    }

    /// <summary>The default as C# source text (used in documentation and optional arguments).</summary>
    public static string? DefaultLiteral(YamlNode schema)
    {
        if (schema.Child("default") is not YamlScalarNode scalar || scalar.Value is null)
        {
            return null;
        }

        var type = schema.ChildString("type");
        return type switch
        {
            "boolean" => scalar.Value.ToLowerInvariant() == "true" ? "true" : "false",
            "integer" or "number" when double.TryParse(scalar.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out _) => scalar.Value,
            _ => "\"" + scalar.Value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"",
        };
    }
}

/// <summary>A schema while it is being parsed.</summary>
internal sealed class SchemaBuilder
{
    public SchemaBuilder(string name, string ns, SchemaKind kind, string? description, string origin)
    {
        Name = name;
        Namespace = ns;
        Kind = kind;
        Description = description;
        Origin = origin;
    }

    public string Name { get; }

    public string Namespace { get; }

    public string FullName => Namespace + "." + Name;

    public SchemaKind Kind { get; }

    public string? Description { get; }

    public string Origin { get; }

    public LocationInfo? Location { get; init; }

    public List<PropertySpec> Properties { get; } = new();

    public HashSet<string> RequiredElsewhere { get; } = new(StringComparer.Ordinal);

    public List<string> FlattenedFrom { get; } = new();

    public string? BaseType { get; set; }

    public string? DiscriminatorJsonName { get; set; }

    public LocationInfo? DiscriminatorLocation { get; set; }

    public List<DiscriminatorMapping> Mappings { get; } = new();

    public Dictionary<string, LocationInfo> MappingLocations { get; } = new(StringComparer.Ordinal);

    public List<EnumValueSpec> EnumValues { get; } = new();

    public bool FormEncoded { get; set; }

    public bool MultipartEncoded { get; set; }
}
