using System;
using System.Collections.Generic;
using System.Text.Json;

namespace ModuleGen.Testing.WireMock;

/// <summary>Reads WireMock 3's journal JSON (serve events and logged requests) into <see cref="RecordedRequest"/>s.</summary>
internal static class JournalJson
{
    /// <summary><c>GET /__admin/requests</c>: <c>{"requests":[{"request":{…},"wasMatched":…}, …]}</c>, newest first.</summary>
    internal static IReadOnlyList<RecordedRequest> ReadServeEvents(JsonElement root)
    {
        if (root.TryGetProperty("requestJournalDisabled", out var disabled) && disabled.GetBoolean())
        {
            throw new InvalidOperationException("WireMock's request journal is disabled (--no-request-journal); contract tests need it.");
        }

        return ReadOldestFirst(root, serveEvent =>
            Read(serveEvent.GetProperty("request"), serveEvent.GetProperty("wasMatched").GetBoolean()));
    }

    /// <summary><c>GET /__admin/requests/unmatched</c>: <c>{"requests":[{…logged request…}, …]}</c>, newest first.</summary>
    internal static IReadOnlyList<RecordedRequest> ReadUnmatchedRequests(JsonElement root) =>
        ReadOldestFirst(root, loggedRequest => Read(loggedRequest, wasMatched: false));

    private static RecordedRequest[] ReadOldestFirst(JsonElement root, Func<JsonElement, RecordedRequest> read)
    {
        var entries = root.GetProperty("requests");
        var requests = new RecordedRequest[entries.GetArrayLength()];
        var index = requests.Length;
        foreach (var entry in entries.EnumerateArray())
        {
            requests[--index] = read(entry);
        }

        return requests;
    }

    private static RecordedRequest Read(JsonElement request, bool wasMatched)
    {
        var url = request.GetProperty("url").GetString() ?? "";
        var queryStart = url.IndexOf('?', StringComparison.Ordinal);
        return new RecordedRequest(
            Method: request.GetProperty("method").GetString() ?? "",
            Url: url,
            Path: queryStart < 0 ? url : url[..queryStart],
            Query: queryStart < 0 ? new Dictionary<string, IReadOnlyList<string>>() : ParseQuery(url[(queryStart + 1)..]),
            Headers: ReadHeaders(request),
            Body: request.TryGetProperty("body", out var body) ? body.GetString() ?? "" : "",
            BodyBytes: request.TryGetProperty("bodyAsBase64", out var base64) ? base64.GetBytesFromBase64() : [],
            WasMatched: wasMatched,
            LoggedAt: DateTimeOffset.FromUnixTimeMilliseconds(request.GetProperty("loggedDate").GetInt64()));
    }

    /// <summary>WireMock writes a header sent once as a string and a repeated header as an array.</summary>
    private static Dictionary<string, IReadOnlyList<string>> ReadHeaders(JsonElement request)
    {
        var headers = new ValuesByName(StringComparer.OrdinalIgnoreCase);
        if (request.TryGetProperty("headers", out var recorded))
        {
            foreach (var header in recorded.EnumerateObject())
            {
                if (header.Value.ValueKind == JsonValueKind.Array)
                {
                    foreach (var value in header.Value.EnumerateArray())
                    {
                        headers.Add(header.Name, value.GetString() ?? "");
                    }
                }
                else
                {
                    headers.Add(header.Name, header.Value.GetString() ?? "");
                }
            }
        }

        return headers.Freeze();
    }

    private static Dictionary<string, IReadOnlyList<string>> ParseQuery(string query)
    {
        var parameters = new ValuesByName(StringComparer.Ordinal);
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            parameters.Add(
                Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]),
                equals < 0 ? "" : Uri.UnescapeDataString(pair[(equals + 1)..]));
        }

        return parameters.Freeze();
    }

    /// <summary>Collects repeated names in arrival order, then hands out a read-only view.</summary>
    private sealed class ValuesByName(StringComparer comparer)
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
