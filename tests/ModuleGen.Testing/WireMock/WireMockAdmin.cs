using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace ModuleGen.Testing.WireMock;

/// <summary>
/// WireMock's admin API (<c>/__admin/…</c>): stubs in, recorded requests out. Owned by a <see cref="WireMockServer"/>.
/// </summary>
public sealed class WireMockAdmin
{
    private readonly HttpClient http;

    internal WireMockAdmin(HttpClient http) => this.http = http;

    /// <summary>Adds one stub mapping (WireMock's JSON mapping format) via <c>POST /__admin/mappings</c>.</summary>
    /// <exception cref="InvalidOperationException">WireMock rejected the mapping; the message carries its reason.</exception>
    public async Task StubAsync(string mappingJson, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mappingJson);
        using var content = new StringContent(mappingJson, Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(new Uri("__admin/mappings", UriKind.Relative), content, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            var reason = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            throw new InvalidOperationException(
                $"WireMock rejected the mapping with {(int)response.StatusCode}: {reason}\nMapping: {mappingJson}");
        }
    }

    /// <inheritdoc cref="StubAsync(string, CancellationToken)"/>
    public Task StubAsync(JsonNode mapping, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        return StubAsync(mapping.ToJsonString(), cancellationToken);
    }

    /// <summary>
    /// <c>POST /__admin/reset</c>: removes every stub, empties the request journal and resets all scenarios to "Started".
    /// </summary>
    public async Task ResetAsync(CancellationToken cancellationToken = default)
    {
        using var response = await http.PostAsync(new Uri("__admin/reset", UriKind.Relative), content: null, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, "reset", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Every request the server received since the last reset, matched or not, oldest first.</summary>
    public async Task<IReadOnlyList<RecordedRequest>> GetRequestsAsync(CancellationToken cancellationToken = default)
    {
        using var journal = await GetJournalAsync("__admin/requests", cancellationToken).ConfigureAwait(false);
        return JournalJson.ReadServeEvents(journal.RootElement);
    }

    /// <summary>The requests no stub matched since the last reset, oldest first.</summary>
    public async Task<IReadOnlyList<RecordedRequest>> GetUnmatchedRequestsAsync(CancellationToken cancellationToken = default)
    {
        using var journal = await GetJournalAsync("__admin/requests/unmatched", cancellationToken).ConfigureAwait(false);
        return JournalJson.ReadUnmatchedRequests(journal.RootElement);
    }

    private async Task<JsonDocument> GetJournalAsync(string path, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative), cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, path, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (body.ConfigureAwait(false))
        {
            return await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            throw new InvalidOperationException($"WireMock admin call '{what}' failed with {(int)response.StatusCode}: {body}");
        }
    }
}
