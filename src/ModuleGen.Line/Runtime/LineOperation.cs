using System;
using System.Collections.Generic;
using System.ComponentModel;

namespace ModuleGen.Line.Runtime;

/// <summary>How an operation authenticates.</summary>
public enum LineAuthentication
{
    /// <summary>A channel access token as a Bearer token.</summary>
    Bearer,

    /// <summary>HTTP Basic with the channel ID and secret (the attach call).</summary>
    Basic,

    /// <summary>No Authorization header; credentials travel in the body or query.</summary>
    None,
}

/// <summary>The period of a LINE rate limit.</summary>
public enum LineRateLimitPeriod
{
    /// <summary>Per second.</summary>
    Second,

    /// <summary>Per minute.</summary>
    Minute,

    /// <summary>Per hour.</summary>
    Hour,
}

/// <summary>LINE's documented rate limit of one operation (per module channel, OA and endpoint).</summary>
/// <param name="Requests">How many requests the period allows.</param>
/// <param name="Period">The period.</param>
public sealed record LineRateLimit(int Requests, LineRateLimitPeriod Period);

/// <summary>The static description of one generated operation, shared by every call of it.</summary>
[EditorBrowsable(EditorBrowsableState.Advanced)]
public sealed class LineOperation
{
    private static readonly IReadOnlyList<int> NoStatuses = Array.Empty<int>();
    private static readonly IReadOnlyList<string> NoScopes = Array.Empty<string>();

    /// <summary>Creates an operation descriptor (generated code does this once per operation).</summary>
    public LineOperation(
        string operationId,
        string method,
        string server,
        string pathTemplate,
        LineAuthentication authentication,
        bool isRetrySafe,
        int[]? alreadyAcceptedStatuses = null,
        string[]? requiredScopes = null,
        LineRateLimit? rateLimit = null)
    {
        OperationId = operationId;
        Method = method;
        Server = server;
        PathTemplate = pathTemplate;
        Authentication = authentication;
        IsRetrySafe = isRetrySafe;
        AlreadyAcceptedStatuses = alreadyAcceptedStatuses ?? NoStatuses;
        RequiredScopes = requiredScopes ?? NoScopes;
        RateLimit = rateLimit;
    }

    /// <summary>The spec's operationId.</summary>
    public string OperationId { get; }

    /// <summary>The HTTP method.</summary>
    public string Method { get; }

    /// <summary>The server URL from the spec (resolved through <see cref="LineClientOptions.Endpoints"/>).</summary>
    public string Server { get; }

    /// <summary>The path template, e.g. <c>/v2/bot/chat/{chatId}/control/acquire</c>.</summary>
    public string PathTemplate { get; }

    /// <summary>How the call authenticates.</summary>
    public LineAuthentication Authentication { get; }

    /// <summary>
    /// Whether sending the request again cannot do the work twice: idempotent methods, and calls carrying a retry
    /// key. Resilience handlers retry only these.
    /// </summary>
    public bool IsRetrySafe { get; }

    /// <summary>Statuses that mean "already accepted" (a retry key seen before): a success, not an error.</summary>
    public IReadOnlyList<int> AlreadyAcceptedStatuses { get; }

    /// <summary>The module scopes the OA must have granted.</summary>
    public IReadOnlyList<string> RequiredScopes { get; }

    /// <summary>LINE's documented rate limit, when known.</summary>
    public LineRateLimit? RateLimit { get; }

    /// <inheritdoc />
    public override string ToString() => $"{OperationId} ({Method} {PathTemplate})";
}
