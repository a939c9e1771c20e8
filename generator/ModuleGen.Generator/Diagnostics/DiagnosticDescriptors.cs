using Microsoft.CodeAnalysis;

namespace ModuleGen.Generator.Diagnostics;

/// <summary>Every diagnostic the generator reports. IDs are tracked in AnalyzerReleases.*.md.</summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "ModuleGen.Spec";

    public static readonly DiagnosticDescriptor InvalidYaml = new(
        "MG0001",
        "Spec file is not valid YAML",
        "The spec file '{0}' is not valid YAML: {1}",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor MissingRequiredField = new(
        "MG0002",
        "Spec is missing a required field",
        "{0} is missing the required field '{1}'",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor UnresolvedReference = new(
        "MG0003",
        "Unresolved $ref",
        "The $ref '{0}' does not resolve{1}",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor UnsupportedConstruct = new(
        "MG0004",
        "Unsupported spec construct",
        "{0} is not supported by ModuleGen; {1} was skipped",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor InvalidExtension = new(
        "MG0005",
        "Invalid vendor extension",
        "The extension '{0}' is invalid: {1}",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor DuplicateOperationId = new(
        "MG0006",
        "Duplicate operationId",
        "The operationId '{0}' is already used by {1}",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor DuplicateSchemaName = new(
        "MG0007",
        "Duplicate schema name",
        "The schema '{0}' is already defined in namespace '{1}' by {2}",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor InvalidValue = new(
        "MG0008",
        "Invalid value in spec",
        "{0} has an invalid value: {1}",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor SpecFileNotFound = new(
        "MG0009",
        "Opted-in spec file not found",
        "The spec file '{0}' is opted in (a ModuleGenSpec item) but was not found",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor RuntimeNotReferenced = new(
        "MG0010",
        "ModuleGen.Line is not referenced",
        "The generated clients and models need the ModuleGen.Line runtime: add <PackageReference Include=\"ModuleGen.Line\" /> next to ModuleGen.Generator (nothing was generated)",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static DiagnosticDescriptor? Find(string id) => id switch
    {
        "MG0001" => InvalidYaml,
        "MG0002" => MissingRequiredField,
        "MG0003" => UnresolvedReference,
        "MG0004" => UnsupportedConstruct,
        "MG0005" => InvalidExtension,
        "MG0006" => DuplicateOperationId,
        "MG0007" => DuplicateSchemaName,
        "MG0008" => InvalidValue,
        "MG0009" => SpecFileNotFound,
        "MG0010" => RuntimeNotReferenced,
        _ => null,
    };
}
