using System;
using System.Collections.Generic;

namespace ModuleGen.Testing.WireMock;

/// <summary>One request from WireMock's journal, as it arrived on the wire.</summary>
/// <param name="Method">The HTTP method, e.g. <c>POST</c>.</param>
/// <param name="Url">Path and query exactly as sent (still percent-encoded), e.g. <c>/v2/bot/followers/ids?limit=10</c>.</param>
/// <param name="Path">The part of <paramref name="Url"/> before <c>?</c>, still percent-encoded.</param>
/// <param name="Query">
/// Query parameters in the order sent, names and values percent-decoded (RFC 3986: a <c>+</c> stays a <c>+</c>);
/// a parameter without <c>=</c> has the value "". Case-sensitive keys.
/// </param>
/// <param name="Headers">Every header WireMock received, names case-insensitive, one entry per header line.</param>
/// <param name="Body">The body as text (WireMock decodes it as UTF-8); "" when there was none.</param>
/// <param name="BodyBytes">The body's exact bytes.</param>
/// <param name="WasMatched">Whether a stub served the request (otherwise WireMock answered 404).</param>
/// <param name="LoggedAt">When WireMock received the request (millisecond precision).</param>
public sealed record RecordedRequest(
    string Method,
    string Url,
    string Path,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Query,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Headers,
    string Body,
    byte[] BodyBytes,
    bool WasMatched,
    DateTimeOffset LoggedAt)
{
    /// <summary>The value of a header sent once, or <see langword="null"/> if it was not sent.</summary>
    /// <exception cref="InvalidOperationException">The header was sent on more than one line; read <see cref="Headers"/>.</exception>
    public string? Header(string name)
    {
        if (!Headers.TryGetValue(name, out var values))
        {
            return null;
        }

        return values.Count == 1
            ? values[0]
            : throw new InvalidOperationException(
                $"Header '{name}' was sent {values.Count} times ({string.Join(" | ", values)}); read Headers[\"{name}\"] instead.");
    }

    /// <summary>Whether the header was sent (any case).</summary>
    public bool HasHeader(string name) => Headers.ContainsKey(name);
}
