using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ModuleGen.Testing.Spec;

/// <summary>How an operation authenticates, from <c>x-modulegen-auth</c> or the OpenAPI <c>security</c> requirement.</summary>
public enum SpecAuthentication
{
    /// <summary>No Authorization header (credentials, if any, travel in the body or query).</summary>
    None,

    /// <summary><c>Authorization: Bearer {channel access token}</c>.</summary>
    Bearer,

    /// <summary><c>Authorization: Basic {channel id:secret}</c>.</summary>
    Basic,
}

/// <summary>One operation of the spec as it must appear on the wire.</summary>
/// <param name="OperationId">The operationId.</param>
/// <param name="File">The spec file that declares it.</param>
/// <param name="Method">The upper-case HTTP method.</param>
/// <param name="PathTemplate">The path with <c>{name}</c> placeholders.</param>
/// <param name="ServerUrl">The base URL (operation, path item or document <c>servers</c>).</param>
/// <param name="Authentication">The Authorization header it carries.</param>
/// <param name="Parameters">Path, query and header parameters (path-item ones merged in).</param>
/// <param name="RequestBody">The request body, if any.</param>
/// <param name="SuccessStatuses">The documented 2xx statuses.</param>
/// <param name="RequiredScopes">The module scopes of <c>x-modulegen-required-scopes</c>.</param>
public sealed record SpecOperation(
    string OperationId,
    string File,
    string Method,
    string PathTemplate,
    string ServerUrl,
    SpecAuthentication Authentication,
    IReadOnlyList<SpecParameter> Parameters,
    SpecRequestBody? RequestBody,
    IReadOnlyList<int> SuccessStatuses,
    IReadOnlyList<string> RequiredScopes)
{
    /// <summary>The bot-id header parameter, if the operation is sent for one OA.</summary>
    public SpecParameter? BotIdHeader => Parameters.FirstOrDefault(parameter => parameter.IsBotId);

    /// <summary>The retry-key header parameter, if the operation is idempotent by key.</summary>
    public SpecParameter? RetryKeyHeader => Parameters.FirstOrDefault(parameter => parameter.IsRetryKey);

    /// <summary>The query parameters.</summary>
    public IEnumerable<SpecParameter> QueryParameters => Parameters.Where(parameter => parameter.In == "query");

    /// <summary>The path parameters.</summary>
    public IEnumerable<SpecParameter> PathParameters => Parameters.Where(parameter => parameter.In == "path");

    /// <summary>Whether <paramref name="path"/> (percent-encoded, no query) is an instance of <see cref="PathTemplate"/>.</summary>
    public bool MatchesPath(string path) =>
        Regex.IsMatch(path, "^" + Regex.Replace(Regex.Escape(PathTemplate), @"\\\{[^/]+?}", "[^/]+") + "$", RegexOptions.CultureInvariant);

    /// <summary>The path with each placeholder replaced by its percent-encoded value.</summary>
    /// <exception cref="ArgumentException">A placeholder has no value, or a value names no placeholder.</exception>
    public string ExpandPath(params (string Name, string Value)[] values)
    {
        var path = PathTemplate;
        foreach (var (name, value) in values)
        {
            var placeholder = "{" + name + "}";
            if (!path.Contains(placeholder, StringComparison.Ordinal))
            {
                throw new ArgumentException($"{OperationId}: the path {PathTemplate} has no {placeholder}.", nameof(values));
            }

            path = path.Replace(placeholder, Uri.EscapeDataString(value), StringComparison.Ordinal);
        }

        return path.Contains('{', StringComparison.Ordinal)
            ? throw new ArgumentException($"{OperationId}: no value for a placeholder of {PathTemplate}.", nameof(values))
            : path;
    }
}

/// <summary>A path, query or header parameter.</summary>
/// <param name="Name">The wire name.</param>
/// <param name="In"><c>path</c>, <c>query</c> or <c>header</c>.</param>
/// <param name="Required">Whether the spec requires it.</param>
/// <param name="IsBotId">The bot-id header (<c>x-modulegen-scope: Bot</c>).</param>
/// <param name="IsRetryKey">The retry-key header (<c>x-modulegen-idempotency-key</c>).</param>
/// <param name="Schema">Its schema, <c>$ref</c> followed.</param>
public sealed record SpecParameter(string Name, string In, bool Required, bool IsBotId, bool IsRetryKey, JsonObject Schema)
{
    /// <summary>The schema's <c>pattern</c> without <c>^</c>/<c>$</c> anchors (WireMock's <c>matches</c> is whole-value), or <c>.+</c>.</summary>
    public string WholeValuePattern
    {
        get
        {
            var pattern = Schema["pattern"]?.GetValue<string>();
            if (pattern is null)
            {
                return ".+";
            }

            if (pattern.StartsWith('^'))
            {
                pattern = pattern[1..];
            }

            return pattern.EndsWith('$') ? pattern[..^1] : pattern;
        }
    }
}

/// <summary>An operation's request body.</summary>
/// <param name="MediaType">The first media type of its content.</param>
/// <param name="MediaTypes">Every media type of its content (e.g. image/jpeg and image/png).</param>
/// <param name="Required">Whether the body is required.</param>
/// <param name="File">The file its schema's references are relative to.</param>
/// <param name="Schema">The schema as written (may be a <c>$ref</c>).</param>
public sealed record SpecRequestBody(string MediaType, IReadOnlyList<string> MediaTypes, bool Required, string File, JsonNode Schema)
{
    /// <summary>Whether the body is JSON.</summary>
    public bool IsJson => MediaType == "application/json";

    /// <summary>Whether the body is an HTML form.</summary>
    public bool IsForm => MediaType == "application/x-www-form-urlencoded";

    /// <summary>Whether the body is multipart/form-data.</summary>
    public bool IsMultipart => MediaType == "multipart/form-data";
}

/// <summary>A property of a request body schema.</summary>
/// <param name="Name">The JSON, form or part name.</param>
/// <param name="Required">Whether the schema requires it.</param>
/// <param name="Schema">Its schema, <c>$ref</c> followed.</param>
public sealed record SpecProperty(string Name, bool Required, JsonObject Schema);
