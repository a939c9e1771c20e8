using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ModuleGen.Line.Testing.Spec;

/// <summary>How an operation authenticates, from <c>x-modulegen-auth</c> or the OpenAPI <c>security</c> requirement.</summary>
internal enum SpecAuthentication
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
/// <param name="SuccessResponse">The first documented 2xx response, if any.</param>
/// <param name="RequiredScopes">The module scopes of <c>x-modulegen-required-scopes</c>.</param>
internal sealed record SpecOperation(
    string OperationId,
    string File,
    string Method,
    string PathTemplate,
    string ServerUrl,
    SpecAuthentication Authentication,
    IReadOnlyList<SpecParameter> Parameters,
    SpecRequestBody? RequestBody,
    IReadOnlyList<int> SuccessStatuses,
    SpecResponse? SuccessResponse,
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
    public bool MatchesPath(string path) => Regex.IsMatch(path, PathPattern("[^/]+"), RegexOptions.CultureInvariant);

    /// <summary>The number of placeholders: of two templates that both match a path, the one with fewer is meant.</summary>
    public int PlaceholderCount => PathTemplate.Count(character => character == '{');

    /// <summary>The decoded value of each placeholder in <paramref name="path"/> (percent-encoded, an instance of the template).</summary>
    public IReadOnlyDictionary<string, string> PathValues(string path)
    {
        var names = Regex.Matches(PathTemplate, @"\{([^/]+?)}").Select(match => match.Groups[1].Value).ToList();
        var match = Regex.Match(path, PathPattern("([^/]+)"), RegexOptions.CultureInvariant);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; match.Success && i < names.Count; i++)
        {
            values[names[i]] = Uri.UnescapeDataString(match.Groups[i + 1].Value);
        }

        return values;
    }

    /// <summary>A whole-path regular expression for the template, each placeholder replaced by <paramref name="segment"/>.</summary>
    private string PathPattern(string segment) =>
        "^" + Regex.Replace(Regex.Escape(PathTemplate), @"\\\{[^/]+?}", segment.Replace("$", "$$", StringComparison.Ordinal)) + "$";

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
internal sealed record SpecParameter(string Name, string In, bool Required, bool IsBotId, bool IsRetryKey, JsonObject Schema)
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
internal sealed record SpecRequestBody(string MediaType, IReadOnlyList<string> MediaTypes, bool Required, string File, JsonNode Schema)
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
internal sealed record SpecProperty(string Name, bool Required, JsonObject Schema);

/// <summary>A documented success response.</summary>
/// <param name="Status">Its status code.</param>
/// <param name="MediaType">The media type of its body, or <see langword="null"/> when it has none.</param>
/// <param name="File">The file its schema's references are relative to.</param>
/// <param name="Schema">The body's schema as written (may be a <c>$ref</c>).</param>
internal sealed record SpecResponse(int Status, string? MediaType, string File, JsonNode? Schema);
