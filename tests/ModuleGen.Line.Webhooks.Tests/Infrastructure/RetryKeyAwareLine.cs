using System;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace ModuleGen.Line.Webhooks.Tests.Infrastructure;

/// <summary>
/// A small in-test LINE that behaves as LINE does where exactly-once matters: it remembers retry keys (a repeat gets 409
/// with X-Line-Accepted-Request-Id and is not delivered again), counts deliveries per recipient, can lose the answer to a
/// push it accepted (the client sees a reset), and refuses reply tokens it does not know with 400 "Invalid reply token".
/// </summary>
internal sealed class RetryKeyAwareLine : HttpMessageHandler
{
    private readonly ConcurrentDictionary<string, string> _acceptedKeys = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _deliveries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _answerLost = new(StringComparer.Ordinal);
    private int _requestIds;

    /// <summary>When true, the answer to the first accepted push to each recipient is lost.</summary>
    public bool LoseFirstAnswerPerRecipient { get; init; }

    public ConcurrentDictionary<string, int> Deliveries => _deliveries;

    public int Conflicts;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var requestId = "req-" + Interlocked.Increment(ref _requestIds);
        var body = request.Content is null ? null : JsonNode.Parse(await request.Content.ReadAsStringAsync(cancellationToken));
        switch (request.RequestUri!.AbsolutePath)
        {
            case "/v2/bot/message/push":
                var key = request.Headers.TryGetValues("X-Line-Retry-Key", out var keys) ? string.Concat(keys) : null;
                if (key is not null && _acceptedKeys.TryGetValue(key, out var acceptedId))
                {
                    Interlocked.Increment(ref Conflicts);
                    var conflict = Json(HttpStatusCode.Conflict, """{"message":"The retry key is already accepted","sentMessages":[{"id":"1","quoteToken":"q"}]}""", requestId);
                    conflict.Headers.TryAddWithoutValidation("X-Line-Accepted-Request-Id", acceptedId);
                    return conflict;
                }

                var to = body!["to"]!.GetValue<string>();
                if (key is not null)
                {
                    _acceptedKeys[key] = requestId;
                }

                _deliveries.AddOrUpdate(to, 1, (_, count) => count + 1);
                if (LoseFirstAnswerPerRecipient && _answerLost.TryAdd(to, true))
                {
                    throw new HttpRequestException("The connection was reset after LINE accepted the push.");
                }

                return Json(HttpStatusCode.OK, """{"sentMessages":[{"id":"1","quoteToken":"q"}]}""", requestId);
            case "/v2/bot/message/reply":
                return Json(HttpStatusCode.BadRequest, """{"message":"Invalid reply token"}""", requestId);
            default:
                return Json(HttpStatusCode.NotFound, """{"message":"Not found"}""", requestId);
        }
    }

    private static HttpResponseMessage Json(HttpStatusCode status, string json, string requestId)
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        response.Headers.TryAddWithoutValidation("X-Line-Request-Id", requestId);
        return response;
    }
}
