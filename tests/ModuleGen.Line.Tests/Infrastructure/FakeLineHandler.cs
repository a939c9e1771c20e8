using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace ModuleGen.Line.Tests.Infrastructure;

/// <summary>One request as the fake server saw it.</summary>
public sealed record LineRecordedRequest(HttpMethod Method, Uri Uri, IReadOnlyDictionary<string, string> Headers, string? Body)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    /// <summary>The form fields of an application/x-www-form-urlencoded body, in order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> FormFields()
        => (Body ?? string.Empty)
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Select(parts => new KeyValuePair<string, string>(
                WebUtility.UrlDecode(parts[0]),
                WebUtility.UrlDecode(parts.Length > 1 ? parts[1] : string.Empty)))
            .ToArray();

    public string Form(string name) => FormFields().Single(f => f.Key == name).Value;
}

/// <summary>
/// A fake LINE: records every request (method, URI, headers, body read at send time) and answers with the
/// responder, which gets the request and its 1-based sequence number.
/// </summary>
public sealed class FakeLineHandler : HttpMessageHandler
{
    private readonly Func<LineRecordedRequest, int, CancellationToken, Task<HttpResponseMessage>> _respond;
    private readonly ConcurrentQueue<LineRecordedRequest> _requests = new();
    private int _count;

    /// <summary>A fake whose responder sees the request's cancellation (to hang until an attempt timeout, say).</summary>
    public FakeLineHandler(Func<LineRecordedRequest, int, CancellationToken, Task<HttpResponseMessage>> respond) => _respond = respond;

    public FakeLineHandler(Func<LineRecordedRequest, int, Task<HttpResponseMessage>> respond)
        : this((request, n, _) => respond(request, n))
    {
    }

    public FakeLineHandler(Func<LineRecordedRequest, int, HttpResponseMessage> respond)
        : this((request, n) => Task.FromResult(respond(request, n)))
    {
    }

    public int Count => Volatile.Read(ref _count);

    public IReadOnlyList<LineRecordedRequest> Requests => _requests.ToArray();

    public static HttpResponseMessage Json(HttpStatusCode status, string json, params (string Name, string Value)[] headers)
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        foreach (var (name, value) in headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return response;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var headers = request.Headers
            .Concat(request.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>())
            .ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var recorded = new LineRecordedRequest(request.Method, request.RequestUri!, headers, body);
        _requests.Enqueue(recorded);
        var n = Interlocked.Increment(ref _count);
        var response = await _respond(recorded, n, cancellationToken).ConfigureAwait(false);
        response.RequestMessage = request;
        return response;
    }
}
