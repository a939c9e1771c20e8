using ModuleGen.Generator.Helpers;

namespace ModuleGen.Generator.Model;

/// <summary>One HTTP operation of a client.</summary>
/// <remarks>Immutable, structural equality — adding a member that breaks this breaks incremental caching.</remarks>
public sealed record OperationSpec(
    string OperationId,
    string MethodName,
    string HttpMethod,
    string PathTemplate,
    string ServerUrl,
    string? Summary,
    string? Description,
    SecuritySpec Auth,
    string? Scope,
    ImmutableEquatableArray<ParameterSpec> Parameters,
    RequestBodySpec? Body,
    ResponseSpec Response,
    ImmutableEquatableArray<string> RequiredScopes,
    RateLimitSpec? RateLimit,
    PaginationSpec? Pagination,
    ImmutableEquatableArray<int> AlreadyAcceptedStatuses,
    string? IdempotencyHeader,
    bool Deprecated);

public enum AuthKind
{
    Bearer,
    Basic,
    None,
    ApiKeyHeader,
    ApiKeyQuery,
}

/// <summary>
/// How an operation authenticates: the kind, the security scheme it names (null for LINE's x-modulegen-auth), and for an
/// API key the header or query parameter that carries it.
/// </summary>
/// <remarks>Immutable, structural equality — adding a member that breaks this breaks incremental caching.</remarks>
public sealed record SecuritySpec(AuthKind Kind, string? SchemeName = null, string? ApiKeyName = null)
{
    public static SecuritySpec None { get; } = new(AuthKind.None);
}

public enum ParameterLocation
{
    Path,
    Query,
    Header,
}

/// <remarks>Immutable, structural equality — adding a member that breaks this breaks incremental caching.</remarks>
public sealed record ParameterSpec(
    string WireName,
    string ArgumentName,
    ParameterLocation Location,
    bool Required,
    TypeRef Type,
    string? Description,
    ConstraintSpec Constraints,
    string? DefaultLiteral);

/// <summary>Validation constraints of a parameter or property, as written in the spec (numbers as invariant text).</summary>
/// <remarks>Immutable, structural equality — adding a member that breaks this breaks incremental caching.</remarks>
public sealed record ConstraintSpec(
    string? Minimum,
    string? Maximum,
    int? MinLength,
    int? MaxLength,
    string? Pattern,
    int? MinItems,
    int? MaxItems)
{
    public static ConstraintSpec None { get; } = new(null, null, null, null, null, null, null);

    public bool IsEmpty => Equals(None);
}

public enum BodyKind
{
    None,
    Json,
    Form,
    Multipart,
    Binary,
}

/// <remarks>Immutable, structural equality — adding a member that breaks this breaks incremental caching.</remarks>
public sealed record RequestBodySpec(
    BodyKind Kind,
    TypeRef? Type,
    bool Required,
    string? Description,
    ImmutableEquatableArray<string> ContentTypes);

/// <remarks>Immutable, structural equality — adding a member that breaks this breaks incremental caching.</remarks>
public sealed record ResponseSpec(BodyKind Kind, TypeRef? Type, string? Description);

/// <remarks>Immutable, structural equality — adding a member that breaks this breaks incremental caching.</remarks>
public sealed record RateLimitSpec(int Requests, string Per);

/// <remarks>Immutable, structural equality — adding a member that breaks this breaks incremental caching.</remarks>
public sealed record PaginationSpec(
    string MethodName,
    string ItemsProperty,
    TypeRef ItemType,
    string NextProperty,
    string TokenArgument);
