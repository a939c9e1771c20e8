using System;
using System.Collections.Generic;
using System.Linq;
using ModuleGen.Generator.Diagnostics;
using ModuleGen.Generator.Helpers;
using ModuleGen.Generator.Model;

namespace ModuleGen.Generator.Parsing;

/// <summary>The end of phase 1: <c>allOf</c> members merged, sub-types linked to their bases, every schema frozen.</summary>
internal sealed partial class SchemaResolver
{
    /// <summary>Links sub-types to their bases and returns every schema, sorted by full name.</summary>
    public SchemaCatalog Freeze()
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
                            DiagnosticDescriptors.InvalidExtension,
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
                discriminatorSpec = new DiscriminatorSpec
                {
                    JsonName = jsonName,
                    PropertyName = Naming.ToPascalCase(jsonName),
                    Mappings = builder.Mappings.Where(m => _schemas.TryGetValue(m.TypeFullName, out var d) && d.BaseType == builder.FullName)
                        .ToImmutableEquatableArray(),
                };
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
                        DiagnosticDescriptors.InvalidExtension,
                        baseBuilder.DiscriminatorLocation,
                        "discriminator",
                        $"'{builder.Name}' derives from '{baseBuilder.Name}' but its discriminator mapping has no value for it");
                    continue;
                }

                baseDiscriminator = baseBuilder.DiscriminatorJsonName;
                builder.Properties.RemoveAll(p => p.JsonName == baseDiscriminator);
                inherited = baseBuilder.Properties.ToImmutableEquatableArray();
            }

            specs.Add(new SchemaSpec
            {
                Name = builder.Name,
                Namespace = builder.Namespace,
                Kind = builder.Kind,
                Description = builder.Description,
                Properties = builder.Properties.ToImmutableEquatableArray(),
                InheritedProperties = inherited,
                BaseType = builder.BaseType,
                Discriminator = discriminatorSpec,
                DiscriminatorValue = discriminatorValue,
                BaseDiscriminatorJsonName = baseDiscriminator,
                EnumValues = builder.EnumValues.ToImmutableEquatableArray(),
                FormEncoded = builder.FormEncoded,
                MultipartEncoded = builder.MultipartEncoded,
            });
        }

        return new SchemaCatalog(specs.ToImmutableEquatableArray());
    }

    private List<PropertySpec> AllProperties(string fullName, HashSet<string>? visiting = null)
    {
        visiting ??= new HashSet<string>(StringComparer.Ordinal);
        if (!_schemas.TryGetValue(fullName, out var builder) || !visiting.Add(fullName))
        {
            if (builder is not null)
            {
                _diagnostics.Add(DiagnosticDescriptors.InvalidValue, builder.Location, $"The schema '{builder.Name}'", "its allOf members include it again (an allOf cycle)");
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
}
