using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;
using ModuleGen.Line.Testing.Hosting;

namespace ModuleGen.Line.Testing.State;

/// <summary>
/// What LINE remembers about sending: the retry keys it accepted (a repeat gets 409 with the accepted request's ID) and
/// the reply tokens it handed out with webhook events (each good for one reply).
/// </summary>
internal sealed class MessagingState
{
    private readonly object gate = new();
    private readonly Dictionary<string, Accepted> retryKeys = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, bool> replyTokens = new(StringComparer.Ordinal);
    private long messageIds = 461230966842064000;

    /// <summary>Serves a send with a retry key: the first time <paramref name="send"/> answers; after that, 409.</summary>
    public FakeAnswer SendOnce(string retryKey, string requestId, Func<FakeAnswer> send)
    {
        lock (gate)
        {
            if (retryKeys.TryGetValue(retryKey, out var accepted))
            {
                var body = new JsonObject { ["message"] = LineErrors.RetryKeyAccepted };
                if (accepted.SentMessages is { } sentMessages)
                {
                    body["sentMessages"] = sentMessages.DeepClone();
                }

                return FakeAnswer.Json(409, body, ("X-Line-Accepted-Request-Id", accepted.RequestId));
            }

            var answer = send();
            if (answer.Status is >= 200 and < 300)
            {
                var sent = answer.Body.Length > 0 ? JsonNode.Parse(answer.Body)?["sentMessages"] : null;
                retryKeys[retryKey] = new Accepted(requestId, sent);
            }

            return answer;
        }
    }

    /// <summary>The push answer: one sent message (ID and quote token) per message of the request.</summary>
    public FakeAnswer SentMessages(LineRecordedRequest request)
    {
        var sent = new JsonArray();
        var count = JsonNode.Parse(request.Body)?["messages"] is JsonArray messages ? messages.Count : 0;
        lock (gate)
        {
            for (var i = 0; i < count; i++)
            {
                var id = ++messageIds;
                sent.Add(new JsonObject { ["id"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["quoteToken"] = "q" + id.ToString("x", System.Globalization.CultureInfo.InvariantCulture) });
            }
        }

        return FakeAnswer.Json(200, new JsonObject { ["sentMessages"] = sent });
    }

    public void IssueReplyToken(string replyToken)
    {
        lock (gate)
        {
            replyTokens.TryAdd(replyToken, false);
        }
    }

    /// <summary>POST /v2/bot/message/reply: a token the fake issued and nobody used yet, else 400 "Invalid reply token".</summary>
    public FakeAnswer Reply(LineRecordedRequest request)
    {
        var token = JsonNode.Parse(request.Body)?["replyToken"]?.GetValue<string>();
        lock (gate)
        {
            if (token is null || !replyTokens.TryGetValue(token, out var used) || used)
            {
                return LineErrors.Answer(400, LineErrors.InvalidReplyToken);
            }

            replyTokens[token] = true;
        }

        return SentMessages(request);
    }

    public void Clear()
    {
        lock (gate)
        {
            retryKeys.Clear();
            replyTokens.Clear();
        }
    }

    private sealed record Accepted(string RequestId, JsonNode? SentMessages);
}
