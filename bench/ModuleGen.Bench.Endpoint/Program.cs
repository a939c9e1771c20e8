using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Runtime;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ModuleGen.Bench.Endpoint;
using ModuleGen.Line;
using ModuleGen.Line.AspNetCore;
using ModuleGen.Line.AspNetCore.Webhooks;
using ModuleGen.Line.Inbox;
using ModuleGen.Line.Inbox.Sqlite;
using ModuleGen.Line.Webhooks;

// Usage: ModuleGen.Bench.Endpoint <bare|inmemory|memory|sqlite> [seconds=10] [senders=16] [events per request=5]
// Prints one line: "<scenario> <req/s> req/s <events/s> events/s <cpu> cpu-us/req (<ok> ok, <failed> failed, <processed> processed; ...)".
// cpu-us/req is the whole process's CPU time (server, inbox worker and the senders alike) over the measured run per
// request answered: on a shared machine, where req/s swings with the neighbours' load, the steadier figure to compare.
if (args.Length is < 1 or > 4 || args[0] is not ("bare" or "inmemory" or "memory" or "sqlite"))
{
    Console.Error.WriteLine("usage: ModuleGen.Bench.Endpoint <bare|inmemory|memory|sqlite> [seconds=10] [senders=16] [events=5]");
    return 2;
}

var scenario = args[0] == "memory" ? "inmemory" : args[0];
var seconds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10;
var senders = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 16;
var eventsPerRequest = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 5;
if (seconds is < 1 or > 20)
{
    Console.Error.WriteLine("seconds must be 1..20");
    return 2;
}

var databaseDirectory = Directory.CreateTempSubdirectory("modulegen-bench-endpoint-");
try
{
    await using var app = BuildServer(scenario, Path.Combine(databaseDirectory.FullName, "inbox.db"));
    await app.StartAsync();
    var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
    var target = new Uri(new Uri(address), scenario == "bare" ? "/bare" : "/webhook");

    var bodies = new SignedBodies(eventsPerRequest);
    using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = senders, UseProxy = false });
    var warmUp = await WarmUpAsync(http, target, bodies, senders);
    var compiledBefore = JitInfo.GetCompiledMethodCount();
    var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
    var (ok, failed, elapsed) = await RunAsync(http, target, bodies, senders, TimeSpan.FromSeconds(seconds));
    var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
    var compiledDuring = JitInfo.GetCompiledMethodCount() - compiledBefore;

    var processed = await ProcessedAsync(app.Services);
    var perSecond = ok / elapsed.TotalSeconds;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{scenario} {perSecond:F0} req/s {perSecond * eventsPerRequest:F0} events/s {cpu.TotalMicroseconds / Math.Max(ok, 1):F0} cpu-us/req ({ok} ok, {failed} failed, {processed} processed; {senders} senders, {eventsPerRequest} events of {bodies.Length} bytes per request, {elapsed.TotalSeconds:F1} s; warm-up {warmUp.TotalSeconds:F0} s, {compiledDuring} methods compiled during the run)"));
    await app.StopAsync();
    return failed == 0 ? 0 : 1;
}
finally
{
    databaseDirectory.Delete(recursive: true);
}

static WebApplication BuildServer(string scenario, string databasePath)
{
    var builder = WebApplication.CreateSlimBuilder();
    builder.Logging.ClearProviders();
    builder.WebHost.UseUrls("http://127.0.0.1:0");
    if (scenario != "bare")
    {
        builder.Services.AddSingleton<ILineAccessTokenProvider>(new LineStaticAccessTokenProvider("unused"));
        builder.Services.AddLineModuleClients(o => o.Endpoints.MapAll(new Uri("http://127.0.0.1:9/")));
        var webhooks = builder.Services
            .AddLineWebhooks(o => o.ChannelSecrets.Add(SignedBodies.ChannelSecret))
            .AddHandler<Event, CountingHandler>();
        if (scenario == "sqlite")
        {
            builder.Services.AddSqliteLineWebhookInbox(databasePath);
        }
        else
        {
            webhooks.UseInMemoryInbox();
        }
    }

    var app = builder.Build();
    if (scenario == "bare")
    {
        app.MapPost("/bare", static () => Results.Ok());
    }
    else
    {
        app.MapLineWebhook("/webhook");
    }

    return app;
}

// Warm-up until the JIT has settled, not for a fixed time: tiered compilation goes on re-compiling hot methods (tier 1,
// on-stack replacement, dynamic PGO) for well over ten seconds after the first requests, and a run that overlaps it
// measures the compiler. Rounds of one second until one compiles fewer than 10 methods (at least 5 s: connections, the
// store's file; at most 40 s). Returns how long it took.
static async Task<TimeSpan> WarmUpAsync(HttpClient http, Uri target, SignedBodies bodies, int senders)
{
    var clock = Stopwatch.StartNew();
    while (clock.Elapsed < TimeSpan.FromSeconds(40))
    {
        var compiled = JitInfo.GetCompiledMethodCount();
        await RunAsync(http, target, bodies, senders, TimeSpan.FromSeconds(1));
        if (JitInfo.GetCompiledMethodCount() - compiled < 10 && clock.Elapsed >= TimeSpan.FromSeconds(5))
        {
            break;
        }
    }

    return clock.Elapsed;
}

static async Task<(long Ok, long Failed, TimeSpan Elapsed)> RunAsync(HttpClient http, Uri target, SignedBodies bodies, int senders, TimeSpan duration)
{
    long ok = 0, failed = 0;
    using var stop = new CancellationTokenSource(duration);
    var clock = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, senders).Select(_ => Task.Run(async () =>
    {
        while (!stop.IsCancellationRequested)
        {
            var (body, signature) = bodies.Next();
            using var request = new HttpRequestMessage(HttpMethod.Post, target) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            request.Headers.TryAddWithoutValidation(LineWebhookSignature.HeaderName, signature);
            using var response = await http.SendAsync(request, CancellationToken.None);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                Interlocked.Increment(ref ok);
            }
            else
            {
                Interlocked.Increment(ref failed);
            }
        }
    })));
    return (ok, failed, clock.Elapsed);
}

static async Task<string> ProcessedAsync(IServiceProvider services)
{
    if (services.GetService<ILineWebhookInbox>() is not { } inbox)
    {
        return "n/a";
    }

    var statistics = await inbox.GetStatisticsAsync(CancellationToken.None);
    return statistics.Completed.ToString(CultureInfo.InvariantCulture);
}

/// <summary>Handles an event by doing nothing: the run measures the endpoint and the inbox, not the handler.</summary>
internal sealed class CountingHandler : ILineWebhookHandler<Event>
{
    public ValueTask HandleAsync(Event webhookEvent, LineTenantContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
