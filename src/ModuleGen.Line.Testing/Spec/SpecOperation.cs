using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace ModuleGen.Line.Testing.Spec;

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
