using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ModuleGen.Testing.WireMock;

namespace ModuleGen.Testing.Spec;

/// <summary>Whether a spec-derived stub expects the request body the spec declares.</summary>
public enum SpecBody
{
    /// <summary>The body must be there and conform: JSON validated with <c>matchesJsonSchema</c> against the spec's schema,
    /// form fields and multipart parts required by the schema present.</summary>
    AsSpecified,

    /// <summary>The spec's body is optional and the call leaves it out: no Content-Type at all.</summary>
    Omitted,
}

/// <summary>
/// Contract checks derived from the spec, on both sides of the wire: <c>Stub</c>
/// builds a WireMock stub that only matches a request shaped as the spec says (so a wrong request gets WireMock's 404, which the
/// client turns into an exception), and <see cref="Violations"/> lists every way a journal entry departs from the spec.
/// </summary>
public static class SpecContract
{
    /// <summary>A UUID in its 8-4-4-4-12 form (any case).</summary>
    public const string UuidPattern = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

    /// <summary>The stub of <see cref="Stub(LineSpec, string, SpecBody, ValueTuple{string, string}[])"/> for a call that sends the body the spec declares.</summary>
    public static StubBuilder Stub(this LineSpec spec, string operationId, params (string Name, string Value)[] pathValues) =>
        spec.Stub(operationId, SpecBody.AsSpecified, pathValues);

    /// <summary>
    /// A stub for <paramref name="operationId"/> on its expanded path that requires what the spec requires: the Authorization
    /// scheme, the bot-id header (matching its pattern) exactly when the operation is bot-scoped and absent otherwise, a UUID
    /// <c>X-Line-Retry-Key</c> exactly on the idempotent operations and absent otherwise, and the body: JSON checked by
    /// <c>matchesJsonSchema</c> against <see cref="LineSpec.RequestJsonSchema"/>, required form fields and multipart parts present,
    /// binary bodies with one of the declared media types. Add query, exact header and response expectations to the builder.
    /// </summary>
    public static StubBuilder Stub(this LineSpec spec, string operationId, SpecBody body, params (string Name, string Value)[] pathValues)
    {
        var operation = spec.Operation(operationId);
        var stub = StubBuilder.For(operation.Method, operation.ExpandPath(pathValues));
        stub = operation.Authentication switch
        {
            SpecAuthentication.Bearer => stub.WithHeaderMatching("Authorization", @"Bearer \S+"),
            SpecAuthentication.Basic => stub.WithHeaderMatching("Authorization", @"Basic \S+"),
            _ => stub.WithoutHeader("Authorization"),
        };
        stub = operation.BotIdHeader is { } botId
            ? stub.WithHeaderMatching(botId.Name, botId.WholeValuePattern)
            : stub.WithoutHeader("X-Line-Bot-Id");
        stub = operation.RetryKeyHeader is { } retryKey
            ? stub.WithHeaderMatching(retryKey.Name, UuidPattern)
            : stub.WithoutHeader("X-Line-Retry-Key");

        if (operation.RequestBody is not { } requestBody || body == SpecBody.Omitted)
        {
            if (body == SpecBody.Omitted && operation.RequestBody is { Required: true })
            {
                throw new ArgumentException($"{operationId}: the spec requires a request body.", nameof(body));
            }

            return stub.WithoutHeader("Content-Type");
        }

        if (requestBody.IsJson)
        {
            return stub
                .WithHeaderMatching("Content-Type", @"application/json(;.*)?")
                .WithBodyMatchingJsonSchema(spec.RequestJsonSchema(operationId));
        }

        if (requestBody.IsForm)
        {
            stub = stub.WithHeaderMatching("Content-Type", @"application/x-www-form-urlencoded(;.*)?");
            foreach (var property in spec.RequestProperties(operationId).Where(property => property.Required))
            {
                stub = stub.WithFormParameterMatching(property.Name, ValuePattern(property.Schema));
            }

            return stub;
        }

        if (requestBody.IsMultipart)
        {
            stub = stub.WithHeaderMatching("Content-Type", @"multipart/form-data; ?boundary=.+");
            foreach (var property in spec.RequestProperties(operationId).Where(property => property.Required))
            {
                stub = stub.WithMultipartPart(property.Name);
            }

            return stub;
        }

        return stub.WithHeaderMatching("Content-Type", string.Join("|", requestBody.MediaTypes.Select(Regex.Escape)));
    }

    /// <summary>
    /// Every way <paramref name="request"/> departs from <paramref name="operationId"/>: method, path, undeclared or
    /// missing query parameters and values outside their pattern/enum, Authorization scheme, bot-id and retry-key headers
    /// present exactly where the spec puts them, required header parameters, and the Content-Type of the body.
    /// </summary>
    public static IReadOnlyList<string> Violations(this LineSpec spec, string operationId, RecordedRequest request)
    {
        var operation = spec.Operation(operationId);
        var violations = new List<string>();
        if (request.Method != operation.Method)
        {
            violations.Add($"method {request.Method}, the spec says {operation.Method}");
        }

        if (!operation.MatchesPath(request.Path))
        {
            violations.Add($"path {request.Path} is not an instance of {operation.PathTemplate}");
        }

        CheckQuery(operation, request, violations);
        CheckAuthorization(operation, request, violations);
        CheckHeaders(operation, request, violations);
        CheckContentType(operation, request, violations);
        return violations;
    }

    private static void CheckQuery(SpecOperation operation, RecordedRequest request, List<string> violations)
    {
        var declared = operation.QueryParameters.ToDictionary(parameter => parameter.Name, StringComparer.Ordinal);
        foreach (var (name, values) in request.Query)
        {
            if (!declared.TryGetValue(name, out var parameter))
            {
                violations.Add($"query parameter '{name}' is not declared");
                continue;
            }

            foreach (var value in values)
            {
                if (!Conforms(parameter.Schema, value))
                {
                    violations.Add($"query parameter '{name}={value}' does not conform to its schema {parameter.Schema.ToJsonString()}");
                }
            }
        }

        foreach (var parameter in declared.Values.Where(parameter => parameter.Required && !request.Query.ContainsKey(parameter.Name)))
        {
            violations.Add($"required query parameter '{parameter.Name}' is missing");
        }
    }

    private static void CheckAuthorization(SpecOperation operation, RecordedRequest request, List<string> violations)
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
            violations.Add("an Authorization header was sent; the spec says the operation has none");
        }
        else if (expected is not null && authorization?.StartsWith(expected, StringComparison.Ordinal) != true)
        {
            violations.Add($"Authorization must start with '{expected}'");
        }
    }

    private static void CheckHeaders(SpecOperation operation, RecordedRequest request, List<string> violations)
    {
        if (operation.BotIdHeader is { } botId)
        {
            var values = request.Headers.TryGetValue(botId.Name, out var sent) ? sent : [];
            if (values.Count != 1 || !Regex.IsMatch(values[0], "^(" + botId.WholeValuePattern + ")$", RegexOptions.CultureInvariant))
            {
                violations.Add($"{botId.Name} must be sent once and match {botId.WholeValuePattern} (sent: {string.Join(" | ", values)})");
            }
        }
        else if (request.HasHeader("X-Line-Bot-Id"))
        {
            violations.Add("X-Line-Bot-Id was sent; the operation is not bot-scoped");
        }

        if (operation.RetryKeyHeader is { } retryKey)
        {
            var values = request.Headers.TryGetValue(retryKey.Name, out var sent) ? sent : [];
            if (values.Count != 1 || !Regex.IsMatch(values[0], "^" + UuidPattern + "$", RegexOptions.CultureInvariant))
            {
                violations.Add($"{retryKey.Name} must be sent once and be a UUID (sent: {string.Join(" | ", values)})");
            }
        }
        else if (request.HasHeader("X-Line-Retry-Key"))
        {
            violations.Add("X-Line-Retry-Key was sent; only push, multicast, narrowcast and broadcast may send it");
        }

        foreach (var header in operation.Parameters.Where(parameter => parameter is { In: "header", Required: true, IsBotId: false }))
        {
            if (!request.HasHeader(header.Name))
            {
                violations.Add($"required header '{header.Name}' is missing");
            }
        }
    }

    private static void CheckContentType(SpecOperation operation, RecordedRequest request, List<string> violations)
    {
        var contentType = request.HasHeader("Content-Type") ? request.Header("Content-Type") : null;
        if (operation.RequestBody is not { } body)
        {
            if (contentType is not null || request.BodyBytes.Length > 0)
            {
                violations.Add($"a body was sent (Content-Type {contentType ?? "none"}, {request.BodyBytes.Length} bytes); the operation has none");
            }

            return;
        }

        if (contentType is null)
        {
            if (body.Required)
            {
                violations.Add("no Content-Type; the operation requires a body");
            }

            return;
        }

        var mediaType = contentType.Split(';')[0].Trim();
        if (!body.MediaTypes.Contains(mediaType, StringComparer.OrdinalIgnoreCase))
        {
            violations.Add($"Content-Type {contentType}; the spec says {string.Join(" or ", body.MediaTypes)}");
        }
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

    private static string ValuePattern(JsonObject schema) =>
        schema["enum"] is JsonArray values
            ? string.Join("|", values.Select(value => Regex.Escape(value?.ToString() ?? "")))
            : schema["pattern"]?.GetValue<string>() is { } pattern ? pattern.TrimStart('^').TrimEnd('$') : ".+";
}
