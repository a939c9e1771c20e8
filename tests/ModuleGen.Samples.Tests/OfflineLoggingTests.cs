using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ModuleGen.Line.Inbox;
using ModuleGen.Line.Testing;
using ModuleGen.Line.Testing.Webhooks;
using ModuleGen.Samples.Reservations;
using Shouldly;
using Xunit;

namespace ModuleGen.Samples.Tests;

/// <summary>With no network (LINE unreachable), the module logs one clear line per failed call, not a stack trace per retry.</summary>
public sealed class OfflineLoggingTests
{
    [Fact]
    public async Task WithLineUnreachableEachFailedCallIsOneLineWithoutAStackTrace()
    {
        await using var platform = LineFakePlatform.Start();        // only to sign the webhook; LINE itself is unreachable
        var data = Directory.CreateTempSubdirectory("modulegen-offline-");
        var logs = new ConcurrentQueue<(string Category, LogLevel Level, string Message, Exception? Exception)>();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders().SetMinimumLevel(LogLevel.Information).AddProvider(new Capture(logs));
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Line:ChannelId"] = platform.Options.ChannelId,
            ["Line:ChannelSecret"] = platform.Options.ChannelSecret,
            ["Line:PublicBaseUrl"] = "https://reservations.example.com",
            ["Line:DataDirectory"] = data.FullName,
            ["Line:Resilience:RetryDelay"] = "00:00:00.010",
            ["Line:Resilience:MaxRetryAttempts"] = "2",
            ["Line:Resilience:TotalTimeout"] = "00:00:05",
            ["Line:Resilience:AttemptTimeout"] = "00:00:03",
        });
        var line = builder.Configuration.GetSection("Line");
        ReservationModule.AddServices(builder.Services, line, ReservationSettings.From(line, data.FullName), o => o.Endpoints.MapAll(new Uri("http://127.0.0.1:9")));
        builder.Services.Configure<LineWebhookInboxOptions>(o =>
        {
            o.MaxAttempts = 2;
            o.RetryBaseDelay = TimeSpan.FromMilliseconds(10);
            o.RetryMaxDelay = TimeSpan.FromMilliseconds(20);
            o.PollInterval = TimeSpan.FromMilliseconds(20);
        });
        await using var app = builder.Build();
        ReservationModule.MapEndpoints(app);
        await app.StartAsync();
        platform.Options.WebhookUrl = new Uri(new Uri(app.Urls.Single()), "/line/webhook");

        using var answer = await platform.SendWebhookAsync(platform.AttachBot().BotId, LineWebhookEvents.TextMessage("table for 2"));
        var inbox = app.Services.GetRequiredService<ILineWebhookInbox>();
        for (var i = 0; i < 500 && (await inbox.GetStatisticsAsync(default)).DeadLettered == 0; i++)
        {
            await Task.Delay(20);
        }

        await app.StopAsync();
        (await inbox.GetStatisticsAsync(default)).DeadLettered.ShouldBe(1);
        var noisy = logs.Where(l => l.Level >= LogLevel.Warning).ToList();
        var report = string.Join("\n", noisy.Select(l => $"{l.Level} {l.Category}: {l.Message}{(l.Exception is null ? "" : " +exception")}"));
        // One line per failed call and per retried attempt; only the dead letter keeps its exception (and stack trace).
        noisy.Where(l => l.Exception is not null).ShouldHaveSingleItem(report).Message.ShouldContain("dead-lettered");
        noisy.ShouldAllBe(l => !l.Message.Contains('\n'), report);
        noisy.Count(l => l.Category.EndsWith("LineWebhookInboxWorker", StringComparison.Ordinal) && l.Message.Contains("Connection refused")).ShouldBe(1, report);
    }

    private sealed class Capture(ConcurrentQueue<(string, LogLevel, string, Exception?)> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, lines);

        public void Dispose()
        {
        }

        private sealed class Logger(string category, ConcurrentQueue<(string, LogLevel, string, Exception?)> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
                => lines.Enqueue((category, logLevel, formatter(state, exception), exception));
        }
    }
}
