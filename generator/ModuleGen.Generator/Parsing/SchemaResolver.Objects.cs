using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ModuleGen.Generator.Diagnostics;
using ModuleGen.Generator.Helpers;
using ModuleGen.Generator.Model;
using YamlDotNet.RepresentationModel;

namespace ModuleGen.Generator.Parsing;

/// <summary>Builds object and enum schemas: properties, <c>allOf</c> members, discriminators.</summary>
internal sealed partial class SchemaResolver
{
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

            builder.EnumValues.Add(new EnumValueSpec
            {
                Value = text,
                MemberName = candidate,
                Description = null,
            });
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
                    _diagnostics.Add(DiagnosticDescriptors.UnsupportedConstruct, member.Location(document.Path), $"allOf with the non-object '{reference}'", $"that member of '{builder.Name}'");
                }

                return;
            }

            if (baseName == builder.FullName)
            {
                _diagnostics.Add(DiagnosticDescriptors.InvalidValue, member.Location(document.Path), $"The schema '{builder.Name}'", "its allOf includes itself");
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
        var required = new HashSet<string>(StringComparer.Ordinal);
        if (mapping.ChildSequence("required") is { } requiredNames)
        {
            foreach (var requiredName in requiredNames.Children)
            {
                if (requiredName is YamlScalarNode scalar)
                {
                    required.Add(scalar.Value ?? string.Empty);
                }
            }
        }

        if (mapping.ChildMapping("properties") is not { } properties)
        {
            builder.RequiredElsewhere.UnionWith(required);
            return;
        }

        foreach (var pair in properties.Children)
        {
            if (pair.Key.KeyText() is not { } jsonName)
            {
                _diagnostics.Add(DiagnosticDescriptors.InvalidValue, pair.Key.Location(document.Path), $"A property name of '{builder.Name}'", "a key must be a string");
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

            for (var i = builder.Properties.Count - 1; i >= 0; i--)
            {
                if (builder.Properties[i].JsonName == jsonName)
                {
                    builder.Properties.RemoveAt(i);
                }
            }

            builder.Properties.Add(new PropertySpec
            {
                JsonName = jsonName,
                PropertyName = propertyName,
                Type = type,
                Required = required.Contains(jsonName),
                Nullable = pair.Value.ChildBool("nullable"),
                Description = SchemaKeywords.Description(pair.Value),
                ReadAlso = pair.Value.ChildString("x-modulegen-read-also"),
                DefaultLiteral = SchemaKeywords.DefaultLiteral(pair.Value),
                Constraints = ConstraintsOf(type, pair.Value, document),
            });
        }

        builder.RequiredElsewhere.UnionWith(required);
    }

    /// <summary>
    /// The checks a writer runs on a primitive or array property: read from the end of the property's <c>$ref</c> chain
    /// (its own schema when it has none). Models, maps and enums carry none (their own writers check themselves).
    /// </summary>
    private ConstraintSpec ConstraintsOf(TypeRef type, YamlNode propertySchema, SpecDocument document)
        => type.Kind is TypeKind.String or TypeKind.Array || type.IsNumber
            ? SchemaKeywords.Constraints(_references.Follow(propertySchema, document).Node)
            : ConstraintSpec.None;

    private void ReadDiscriminator(SchemaBuilder builder, YamlMappingNode discriminator, SpecDocument document)
    {
        var propertyName = discriminator.ChildString("propertyName");
        if (propertyName is null)
        {
            _diagnostics.Add(DiagnosticDescriptors.MissingRequiredField, discriminator.Location(document.Path), $"The discriminator of '{builder.Name}'", "propertyName");
            return;
        }

        builder.DiscriminatorJsonName = propertyName;
        builder.DiscriminatorLocation = discriminator.Location(document.Path);
        if (discriminator.ChildMapping("mapping") is not { } mappings || mappings.Children.Count == 0)
        {
            _diagnostics.Add(DiagnosticDescriptors.MissingRequiredField, discriminator.Location(document.Path), $"The discriminator of '{builder.Name}'", "mapping");
            return;
        }

        foreach (var pair in mappings.Children)
        {
            if (pair.Key.KeyText() is not { } value)
            {
                _diagnostics.Add(DiagnosticDescriptors.InvalidValue, pair.Key.Location(document.Path), $"A discriminator value of '{builder.Name}'", "a key must be a string");
                continue;
            }

            var reference = (pair.Value as YamlScalarNode)?.Value ?? string.Empty;
            var resolved = _documents.Resolve(reference, document);
            if (resolved is null)
            {
                _diagnostics.Add(DiagnosticDescriptors.UnresolvedDiscriminatorMapping, pair.Value.Location(document.Path), reference, value, builder.Name);
                continue;
            }

            var target = ResolveComponent(resolved.Value);
            if (target?.FullName is { } fullName)
            {
                builder.Mappings.Add(new DiscriminatorMapping
                {
                    Value = value,
                    TypeFullName = fullName,
                });
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
            _diagnostics.Add(DiagnosticDescriptors.DuplicateSchemaName, node.Location(document.Path), name, ns, existing.Origin);
            name += "_" + Naming.ToPascalCase(System.IO.Path.GetFileNameWithoutExtension(document.FileName));
        }

        var builder = new SchemaBuilder(name, ns, kind, SchemaKeywords.Description(node), $"{document.FileName} line {node.Start.Line}")
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
}
