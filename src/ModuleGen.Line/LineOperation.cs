using System;
using System.Collections.Generic;
using System.ComponentModel;

namespace ModuleGen.Line;

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
        bool carriesRetryKey,
        int[]? alreadyAcceptedStatuses = null,
        string[]? requiredScopes = null,
        LineRateLimit? rateLimit = null,
        string? securityScheme = null,
        string? apiKeyName = null)
    {
        OperationId = operationId;
        Method = method;
        Server = server;
        PathTemplate = pathTemplate;
        Authentication = authentication;
        CarriesRetryKey = carriesRetryKey;
        IsRetrySafe = IsRetrySafeCall(method, carriesRetryKey);
        AlreadyAcceptedStatuses = alreadyAcceptedStatuses ?? NoStatuses;
        RequiredScopes = requiredScopes ?? NoScopes;
        RateLimit = rateLimit;
        SecurityScheme = securityScheme;
        ApiKeyName = apiKeyName;
        ActivityName = "LINE " + operationId;
        IsLineServerCall = LineEndpoints.IsLineServer(server);
    }

    /// <summary>The name of the activity of each call, built once rather than per call.</summary>
    internal string ActivityName { get; }

    /// <summary>Whether <see cref="Server"/> is one of LINE's (<see cref="LineEndpoints.IsLineServer"/>), decided once.</summary>
    internal bool IsLineServerCall { get; }

    /// <summary>The security scheme the spec names for the operation (null for none); its credentials come from <see cref="LineClientOptions.Credentials"/> unless it is a LINE call.</summary>
    public string? SecurityScheme { get; }

    /// <summary>For an API key: the header or query parameter that carries it.</summary>
    public string? ApiKeyName { get; }

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

    /// <summary>Whether the call sends an X-Line-Retry-Key (<c>x-modulegen-idempotency-key</c> in the spec).</summary>
    public bool CarriesRetryKey { get; }

    /// <summary>
    /// Whether sending the request again cannot do the work twice (see <see cref="IsRetrySafeCall"/>). Only these
    /// are retried after an ambiguous failure (a reset, a timeout, a 5xx).
    /// </summary>
    public bool IsRetrySafe { get; }

    /// <summary>Statuses that mean "already accepted" (a retry key seen before): a success, not an error.</summary>
    public IReadOnlyList<int> AlreadyAcceptedStatuses { get; }

    /// <summary>The module scopes the OA must have granted.</summary>
    public IReadOnlyList<string> RequiredScopes { get; }

    /// <summary>LINE's documented rate limit, when known.</summary>
    public LineRateLimit? RateLimit { get; }

    /// <summary>
    /// The one rule for retry safety: idempotent HTTP methods (GET, HEAD, PUT, DELETE, OPTIONS), and calls carrying a
    /// retry key, which LINE answers with 409 "already accepted" when it has done the work. Everything else — a reply,
    /// any POST without a key — may have been done by an attempt whose answer was lost.
    /// </summary>
    public static bool IsRetrySafeCall(string method, bool carriesRetryKey)
        => carriesRetryKey
           || method is "GET" or "HEAD" or "PUT" or "DELETE" or "OPTIONS";

    /// <inheritdoc />
    public override string ToString() => $"{OperationId} ({Method} {PathTemplate})";
}
