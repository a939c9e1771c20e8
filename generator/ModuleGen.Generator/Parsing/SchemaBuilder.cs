using System;
using System.Collections.Generic;
using ModuleGen.Generator.Model;

namespace ModuleGen.Generator.Parsing;

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
        FullName = ns + "." + name;
    }

    public string Name { get; }

    public string Namespace { get; }

    public string FullName { get; }

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
