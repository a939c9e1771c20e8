using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ModuleGen.Line.Testing.Spec;

/// <summary>
/// The one home of "does this request conform to its operation": the fake platform refuses a request with any violation
/// (answering as LINE does), and the contract tests assert that a journal entry has none.
/// </summary>
internal static class SpecContract
{
    /// <summary>A UUID in its 8-4-4-4-12 form (any case).</summary>
    public const string UuidPattern = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

    /// <summary>The messages of <see cref="Check"/>, in order.</summary>
    public static IReadOnlyList<string> Violations(this LineSpec spec, string operationId, LineRecordedRequest request, string? botIdHeaderName = null) =>
        spec.Check(operationId, request, botIdHeaderName).Select(violation => violation.Message).ToList();

    /// <summary>
    /// Every way <paramref name="request"/> departs from <paramref name="operationId"/>: method, path, undeclared or
    /// missing query parameters and values outside their pattern/enum, Authorization scheme, bot-id and retry-key headers
    /// present exactly where the spec puts them, required header parameters, the Content-Type of the body, and the body
    /// itself (<see cref="SpecBodyCheck"/>). The bot-id header goes by <paramref name="botIdHeaderName"/> when given: LINE
    /// names it only to Marketplace partners, so a module may be configured with another name than the spec's.
    /// </summary>
    public static IReadOnlyList<SpecViolation> Check(this LineSpec spec, string operationId, LineRecordedRequest request, string? botIdHeaderName = null)
    {
        var operation = spec.Operation(operationId);
        var violations = new List<SpecViolation>();
        if (request.Method != operation.Method)
        {
            violations.Add(Wrong($"method {request.Method}, the spec says {operation.Method}"));
        }

        if (!operation.MatchesPath(request.Path))
        {
            violations.Add(Wrong($"path {request.Path} is not an instance of {operation.PathTemplate}"));
        }

        CheckQuery(operation, request, violations);
        CheckAuthorization(operation, request, violations);
        CheckHeaders(operation, request, botIdHeaderName ?? operation.BotIdHeader?.Name ?? LineClientOptions.DefaultBotIdHeaderName, violations);
        if (CheckContentType(operation, request, violations))
        {
            SpecBodyCheck.Check(spec, operation, request, violations);
        }

        return violations;
    }

    private static SpecViolation Wrong(string message) => new(SpecViolationKind.Request, message);

    private static void CheckQuery(SpecOperation operation, LineRecordedRequest request, List<SpecViolation> violations)
    {
        var declared = operation.QueryParameters.ToDictionary(parameter => parameter.Name, StringComparer.Ordinal);
        foreach (var (name, values) in request.Query)
        {
            if (!declared.TryGetValue(name, out var parameter))
            {
                violations.Add(Wrong($"query parameter '{name}' is not declared"));
                continue;
            }

            foreach (var value in values)
            {
                if (!Conforms(parameter.Schema, value))
                {
                    violations.Add(Wrong($"query parameter '{name}={value}' does not conform to its schema {parameter.Schema.ToJsonString()}"));
                }
            }
        }

        foreach (var parameter in declared.Values.Where(parameter => parameter.Required && !request.Query.ContainsKey(parameter.Name)))
        {
            violations.Add(Wrong($"required query parameter '{parameter.Name}' is missing"));
        }
    }

    private static void CheckAuthorization(SpecOperation operation, LineRecordedRequest request, List<SpecViolation> violations)
    {
        var authorization = request.HasHeader("Authorization") ? request.Header("Authorization") : null;
        var expected = operation.Authentication switch
        {
            SpecAuthentication.Bearer => "Bearer ",
            SpecAuthentication.Basic => "Basic ",
            _ => null,
        };
        if (expected is null && authorization is not null)
        {
            violations.Add(new SpecViolation(SpecViolationKind.Authorization, "an Authorization header was sent; the spec says the operation has none"));
        }
        else if (expected is not null && authorization?.StartsWith(expected, StringComparison.Ordinal) != true)
        {
            violations.Add(new SpecViolation(SpecViolationKind.Authorization, $"Authorization must start with '{expected}'"));
        }
    }

    private static void CheckHeaders(SpecOperation operation, LineRecordedRequest request, string botIdHeaderName, List<SpecViolation> violations)
    {
        if (operation.BotIdHeader is { } botId)
        {
            var values = request.Headers.TryGetValue(botIdHeaderName, out var sent) ? sent : [];
            if (values.Count != 1 || !Regex.IsMatch(values[0], "^(" + botId.WholeValuePattern + ")$", RegexOptions.CultureInvariant))
            {
                violations.Add(new SpecViolation(
                    values.Count == 0 ? SpecViolationKind.MissingBotId : SpecViolationKind.Request,
                    $"{botIdHeaderName} must be sent once and match {botId.WholeValuePattern} (sent: {string.Join(" | ", values)})"));
            }
        }
        else if (request.HasHeader(botIdHeaderName))
        {
            violations.Add(Wrong($"{botIdHeaderName} was sent; the operation is not bot-scoped"));
        }

        if (operation.RetryKeyHeader is { } retryKey)
        {
            var values = request.Headers.TryGetValue(retryKey.Name, out var sent) ? sent : [];
            if (values.Count != 1 || !Regex.IsMatch(values[0], "^" + UuidPattern + "$", RegexOptions.CultureInvariant))
            {
                violations.Add(Wrong($"{retryKey.Name} must be sent once and be a UUID (sent: {string.Join(" | ", values)})"));
            }
        }
        else if (request.HasHeader("X-Line-Retry-Key"))
        {
            violations.Add(Wrong("X-Line-Retry-Key was sent; only push, multicast, narrowcast and broadcast may send it"));
        }

        foreach (var header in operation.Parameters.Where(parameter => parameter is { In: "header", Required: true, IsBotId: false }))
        {
            if (!request.HasHeader(header.Name))
            {
                violations.Add(Wrong($"required header '{header.Name}' is missing"));
            }
        }
    }

    /// <returns>Whether a body of a declared media type is there to check.</returns>
    private static bool CheckContentType(SpecOperation operation, LineRecordedRequest request, List<SpecViolation> violations)
    {
        var contentType = request.HasHeader("Content-Type") ? request.Header("Content-Type") : null;
        if (operation.RequestBody is not { } body)
        {
            if (contentType is not null || request.BodyBytes.Length > 0)
            {
                violations.Add(Wrong($"a body was sent (Content-Type {contentType ?? "none"}, {request.BodyBytes.Length} bytes); the operation has none"));
            }

            return false;
        }

        if (contentType is null)
        {
            if (body.Required)
            {
                violations.Add(Wrong("no Content-Type; the operation requires a body"));
            }

            return false;
        }

        var mediaType = contentType.Split(';')[0].Trim();
        if (!body.MediaTypes.Contains(mediaType, StringComparer.OrdinalIgnoreCase))
        {
            violations.Add(Wrong($"Content-Type {contentType}; the spec says {string.Join(" or ", body.MediaTypes)}"));
            return false;
        }

        return true;
    }

    private static bool Conforms(JsonObject schema, string value)
    {
        if (schema["enum"] is JsonArray values && !values.Any(allowed => allowed?.ToString() == value))
        {
            return false;
        }

        if (schema["pattern"]?.GetValue<string>() is { } pattern && !Regex.IsMatch(value, pattern, RegexOptions.CultureInvariant))
        {
            return false;
        }

        return schema["type"]?.GetValue<string>() switch
        {
            "integer" => long.TryParse(value, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out _),
            "boolean" => value is "true" or "false",
            _ => true,
        };
    }

    /// <summary>A whole-value regular expression for a form field: its enum values, its pattern, or "anything".</summary>
    internal static string ValuePattern(JsonObject schema) =>
        schema["enum"] is JsonArray values
            ? string.Join("|", values.Select(value => Regex.Escape(value?.ToString() ?? "")))
            : schema["pattern"]?.GetValue<string>() is { } pattern ? pattern.TrimStart('^').TrimEnd('$') : ".+";
}
