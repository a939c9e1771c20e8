using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ModuleGen.Line.Webhooks.Tests.Infrastructure;

/// <summary>A request the fake LINE API received.</summary>
internal sealed record LineRecordedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body);

/// <summary>A Kestrel server on loopback that answers every call like LINE's reply endpoint and keeps a journal.</summary>
internal sealed class FakeLineApi : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<LineRecordedRequest> _journal;

    private FakeLineApi(WebApplication app, ConcurrentQueue<LineRecordedRequest> journal, Uri address)
    {
        _app = app;
        _journal = journal;
        Address = address;
    }

    public Uri Address { get; }

    public IReadOnlyList<LineRecordedRequest> Journal => _journal.ToArray();

    public static async Task<FakeLineApi> StartAsync()
    {
        var journal = new ConcurrentQueue<LineRecordedRequest>();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.Urls.Add("http://127.0.0.1:0");
        app.Run(async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync();
            var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            journal.Enqueue(new LineRecordedRequest(context.Request.Method, context.Request.Path.Value ?? string.Empty, headers, body));
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("""{"sentMessages":[{"id":"461230966842064897","quoteToken":"IStG5h1Tz7b"}]}""");
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new FakeLineApi(app, journal, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
