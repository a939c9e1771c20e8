using System;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace ModuleGen.Line.Testing.Tests.Infrastructure;

/// <summary>An in-memory module endpoint that answers 200 and keeps what LINE posted, headers and raw body.</summary>
internal sealed class RecordingModule : HttpMessageHandler
{
    public static readonly Uri WebhookUrl = new("http://module.test/line/webhook");

    public RecordingModule() => Client = new HttpClient(this);

    public HttpClient Client { get; }

    public ConcurrentQueue<(HttpRequestMessage Request, byte[] Body)> Received { get; } = new();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        Received.Enqueue((request, body));
        return new HttpResponseMessage(HttpStatusCode.OK);
    }
}
