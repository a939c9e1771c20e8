using Microsoft.CodeAnalysis;

namespace ModuleGen.Generator.Diagnostics;

/// <summary>
/// Every diagnostic the generator reports, passed as a descriptor from where a problem is found to where it is reported
/// (never as an ID string). Where one ID covers several cases, each case has its own descriptor and message. IDs are
/// tracked in AnalyzerReleases.*.md; a test checks that, and that every call passes as many arguments as its message has
/// placeholders.
/// </summary>
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

    public static readonly DiagnosticDescriptor PathParameterNotDeclared = new(
        "MG0002",
        "Spec is missing a required field",
        "The operation '{0}' declares no path parameter named '{1}', which its path template uses",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor NoSuccessResponse = new(
        "MG0002",
        "Spec is missing a required field",
        "The operation '{0}' has no 2xx response",
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

    public static readonly DiagnosticDescriptor UndefinedSecurityScheme = new(
        "MG0003",
        "Unresolved $ref",
        "The security scheme '{0}' that the operation '{1}' requires is not defined under components.securitySchemes of any opted-in spec file",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor UnresolvedDiscriminatorMapping = new(
        "MG0003",
        "Unresolved $ref",
        "The discriminator value '{1}' of '{2}' maps to '{0}', which does not resolve",
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

    public static readonly DiagnosticDescriptor RuntimeContractMismatch = new(
        "MG0011",
        "ModuleGen.Line does not match the generator",
        "This ModuleGen.Generator writes code for runtime contract {0}, but the referenced ModuleGen.Line provides contract {1}: reference the same version of ModuleGen.Generator and ModuleGen.Line (nothing was generated)",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);
}
