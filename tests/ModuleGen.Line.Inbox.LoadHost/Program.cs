using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ModuleGen.Line;
using ModuleGen.Line.AspNetCore;
using ModuleGen.Line.AspNetCore.Webhooks;
using ModuleGen.Line.Inbox.PostgreSql;
using ModuleGen.Line.Inbox.Sqlite;
using ModuleGen.Line.Webhooks;

// Usage: ModuleGen.Line.Inbox.LoadHost <postgres|sqlite> <connection string or file> <schema> <port> <log file> <channel secret>
if (args.Length != 6)
{
    Console.Error.WriteLine("usage: ModuleGen.Line.Inbox.LoadHost <postgres|sqlite> <connection|file> <schema> <port> <log file> <channel secret>");
    return 2;
}

(var store, var connection, var schema, var port, var logPath, var secret) = (args[0], args[1], args[2], args[3], args[4], args[5]);
var builder = WebApplication.CreateSlimBuilder();
builder.Logging.ClearProviders();
builder.Services.AddSingleton(new HandlingLog(logPath));
builder.Services.AddSingleton<ILineAccessTokenProvider>(new LineStaticAccessTokenProvider("unused"));
builder.Services.AddLineModuleClients(o => o.Endpoints.MapAll(new Uri("http://127.0.0.1:9/")));
if (store == "postgres")
{
    builder.Services.AddPostgreSqlLineStore(connection, o => o.Schema = schema);
}
else
{
    builder.Services.AddSqliteLineWebhookInbox(connection);
}

builder.Services
    .AddLineWebhooks(o => o.ChannelSecrets.Add(secret))
    .ConfigureInbox(o =>
    {
        o.LeaseDuration = TimeSpan.FromSeconds(3);
        o.PollInterval = TimeSpan.FromMilliseconds(50);
        o.BatchSize = 32;
        o.MaxDegreeOfParallelism = 8;
    })
    .AddHandler<Event, LoggingHandler>();

var app = builder.Build();
app.Urls.Add($"http://127.0.0.1:{port}");
app.MapLineWebhook("/webhook");
await app.StartAsync();
Console.WriteLine("listening");
Console.Out.Flush();
await app.WaitForShutdownAsync();
return 0;

/// <summary>One line per handler start and end, written straight to the file so a SIGKILL loses nothing already written.</summary>
internal sealed class HandlingLog(string path)
{
    private readonly Lock _lock = new();
    private readonly StreamWriter _writer = new(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite)) { AutoFlush = true };

    public void Write(string line)
    {
        lock (_lock)
        {
            _writer.WriteLine(line);
        }
    }
}

internal sealed class LoggingHandler(HandlingLog log) : ILineWebhookHandler<Event>
{
    public async ValueTask HandleAsync(Event webhookEvent, LineTenantContext context, CancellationToken cancellationToken)
    {
        log.Write("start " + context.WebhookEventId);
        // A handler that waits on I/O (a call to LINE, a database): long enough that a kill lands on some handlers
        // mid-way, short enough that 6,000 events finish in seconds.
        await Task.Delay(10, cancellationToken);
        log.Write("done " + context.WebhookEventId);
    }
}
