using System;
using System.Collections.Generic;

namespace ModuleGen.Line.Testing;

/// <summary>One request the fake platform received, as it arrived on the wire, with the fake's verdict.</summary>
/// <param name="Method">The HTTP method, e.g. <c>POST</c>.</param>
/// <param name="Url">Path and query exactly as sent (still percent-encoded), e.g. <c>/v2/bot/followers/ids?limit=10</c>.</param>
/// <param name="Path">The part of <paramref name="Url"/> before <c>?</c>, still percent-encoded.</param>
/// <param name="Query">
/// Query parameters in the order sent, names and values percent-decoded (RFC 3986: a <c>+</c> stays a <c>+</c>);
/// a parameter without <c>=</c> has the value "". Case-sensitive keys.
/// </param>
/// <param name="Headers">Every header received, names case-insensitive, one entry per header line.</param>
/// <param name="Body">The body as UTF-8 text; "" when there was none.</param>
/// <param name="BodyBytes">The body's exact bytes.</param>
/// <param name="LoggedAt">When the fake received the request.</param>
public sealed record LineRecordedRequest(
    string Method,
    string Url,
    string Path,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Query,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Headers,
    string Body,
    byte[] BodyBytes,
    DateTimeOffset LoggedAt)
{
    /// <summary>The spec operation the method and path belong to, or <see langword="null"/> for a path LINE does not serve.</summary>
    public string? OperationId { get; init; }

    /// <summary>The status the fake answered with (0 when a fault dropped the answer before it was written).</summary>
    public int Status { get; init; }

    /// <summary>The <c>X-Line-Request-Id</c> the fake answered with (what a 409 names as the accepted request), if any.</summary>
    public string? RequestId { get; init; }

    /// <summary>
    /// Why the fake refused the request as not conforming to the spec (the <c>message</c> of its error answer), or
    /// <see langword="null"/> when it conformed. A stubbed or injected error status is not a refusal.
    /// </summary>
    public string? Refusal { get; init; }

    /// <summary>Whether the request belongs to an operation and conforms to it.</summary>
    public bool Conformed => OperationId is not null && Refusal is null;

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

    /// <summary>
    /// Parses <c>a=1&amp;b=2&amp;a=3</c> (no leading <c>?</c>) into names with their values in order; percent-decodes both,
    /// and a <c>+</c> becomes a space only when <paramref name="plusIsSpace"/> (form bodies, not URLs).
    /// </summary>
    internal static Dictionary<string, IReadOnlyList<string>> ParseQuery(string query, bool plusIsSpace = false)
    {
        var parameters = new ValuesByName(StringComparer.Ordinal);
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            parameters.Add(Decode(equals < 0 ? pair : pair[..equals]), equals < 0 ? "" : Decode(pair[(equals + 1)..]));
        }

        return parameters.Freeze();

        string Decode(string text) => Uri.UnescapeDataString(plusIsSpace ? text.Replace('+', ' ') : text);
    }

    /// <summary>Collects repeated names in arrival order, then hands out a read-only view.</summary>
    internal sealed class ValuesByName(StringComparer comparer)
    {
        private readonly Dictionary<string, List<string>> values = new(comparer);

        internal void Add(string name, string value)
        {
            if (!values.TryGetValue(name, out var list))
            {
                values[name] = list = [];
            }

            list.Add(value);
        }

        internal Dictionary<string, IReadOnlyList<string>> Freeze()
        {
            var frozen = new Dictionary<string, IReadOnlyList<string>>(values.Count, comparer);
            foreach (var (name, list) in values)
            {
                frozen[name] = list.AsReadOnly();
            }

            return frozen;
        }
    }
}
