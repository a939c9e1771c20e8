using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using ModuleGen.Line.Testing.State;
using ModuleGen.Line.Webhooks;

namespace ModuleGen.Line.Testing.Webhooks;

/// <summary>Posts signed webhook bodies to the module as LINE does, and registers their reply tokens.</summary>
internal sealed class LineWebhookSender(LineFakePlatformOptions options, MessagingState messaging) : IDisposable
{
    private readonly Lazy<HttpClient> ownClient = new(() => new HttpClient(new SocketsHttpHandler { UseProxy = false }));

    public async Task<HttpResponseMessage> SendAsync(string destinationBotId, IEnumerable<LineWebhookEvent> events, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(destinationBotId);
        ArgumentNullException.ThrowIfNull(events);
        var url = options.WebhookUrl ?? throw new InvalidOperationException(
            "The fake platform has no webhook URL: set LineFakePlatformOptions.WebhookUrl (and WebhookClient for an in-memory module).");
        var sending = events.ToList();
        var body = new JsonObject
        {
            ["destination"] = destinationBotId,
            ["events"] = new JsonArray(sending.Select(item => (JsonNode)item.ToJson()).ToArray()),
        };
        var bytes = System.Text.Encoding.UTF8.GetBytes(body.ToJsonString());
        foreach (var token in sending.Select(item => item.ReplyToken).OfType<string>())
        {
            messaging.IssueReplyToken(token);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add("x-line-signature", LineWebhookSignature.Compute(bytes, options.ChannelSecret));
        request.Headers.UserAgent.ParseAdd("LineBotWebhook/2.0");
        var client = options.WebhookClient ?? ownClient.Value;
        return await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    public void Dispose()
    {
        if (ownClient.IsValueCreated)
        {
            ownClient.Value.Dispose();
        }
    }
}
