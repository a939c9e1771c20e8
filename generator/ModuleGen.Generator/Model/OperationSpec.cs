using ModuleGen.Generator.Helpers;

namespace ModuleGen.Generator.Model;

/// <summary>One HTTP operation of a client.</summary>
/// <remarks>Immutable, structural equality — adding a member that breaks this breaks incremental caching.</remarks>
internal sealed record OperationSpec
{
    /// <summary>The spec's operationId.</summary>
    public required string OperationId { get; init; }

    /// <summary>The C# method name (<c>…Async</c>).</summary>
    public required string MethodName { get; init; }

    /// <summary>The HTTP method, upper case.</summary>
    public required string HttpMethod { get; init; }

    /// <summary>The path with <c>{name}</c> placeholders.</summary>
    public required string PathTemplate { get; init; }

    /// <summary>The server URL, without a trailing slash.</summary>
    public required string ServerUrl { get; init; }

    /// <summary>The operation summary.</summary>
    public required string? Summary { get; init; }

    /// <summary>The operation description.</summary>
    public required string? Description { get; init; }

    /// <summary>How the operation authenticates.</summary>
    public required SecuritySpec Auth { get; init; }

    /// <summary>The scope (see <see cref="ScopeSpec"/>) the operation belongs to, if any.</summary>
    public required string? Scope { get; init; }

    /// <summary>The method arguments, in spec order.</summary>
    public required ImmutableEquatableArray<ParameterSpec> Parameters { get; init; }

    /// <summary>The request body, if any.</summary>
    public required RequestBodySpec? Body { get; init; }

    /// <summary>The success response.</summary>
    public required ResponseSpec Response { get; init; }

    /// <summary>The OAuth scopes the spec says the call needs (<c>x-modulegen-required-scopes</c>).</summary>
    public required ImmutableEquatableArray<string> RequiredScopes { get; init; }

    /// <summary>The rate limit (<c>x-modulegen-rate-limit</c>), if any.</summary>
    public required RateLimitSpec? RateLimit { get; init; }

    /// <summary>The pager (<c>x-modulegen-pagination</c>), if any.</summary>
    public required PaginationSpec? Pagination { get; init; }

    /// <summary>The statuses marked <c>x-modulegen-already-accepted</c>, sorted.</summary>
    public required ImmutableEquatableArray<int> AlreadyAcceptedStatuses { get; init; }

    /// <summary>The header that carries the retry key, if any.</summary>
    public required string? IdempotencyHeader { get; init; }

    /// <summary>The retry key header parameter's description (what the server promises for a retried key), if any.</summary>
    public required string? IdempotencyDescription { get; init; }

    /// <summary>Whether the spec marks the operation deprecated (emitted as <c>[Obsolete]</c>).</summary>
    public required bool Deprecated { get; init; }
}
