using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ModuleGen.Line.Inbox;
using ModuleGen.Line.Inbox.PostgreSql;
using ModuleGen.Line.Inbox.Sqlite;
using ModuleGen.Line.Inbox.Tests.Infrastructure;
using Shouldly;
using Xunit;
using Xunit.Abstractions;

namespace ModuleGen.Line.Inbox.Tests;

/// <summary>
/// Whole webhook hosts in separate processes over one store, with LINE's traffic: concurrent signed deliveries,
/// redeliveries of the same events to other hosts, and a host SIGKILLed mid-stream and restarted. Bounded by count;
/// the figures they print are the README's "Scaling" numbers.
/// </summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class MultiProcessTests(PostgreSqlServer server, ITestOutputHelper output)
{
    private const int EventsPerBody = 10;
    private static readonly string[] Destinations = Enumerable.Range(0, 12).Select(i => "U" + i.ToString("x32", CultureInfo.InvariantCulture)).ToArray();

    [Fact]
    public async Task ThreeHostsLoseNoEventWhenOneIsKilledMidStreamAndHandleTwiceOnlyWhatTheKillCutShort()
    {
        const int events = 3 * 2_000;
        var schema = "load_" + Guid.NewGuid().ToString("N");
        await using var hosts = new LoadHosts("postgres", server.ConnectionString, schema);
        await hosts.StartAsync(3);
        string? killedLog = null;

        await DeliverAsync(hosts, events, redeliverEvery: 4, onProgress: async sent =>
        {
            if (sent == events / EventsPerBody / 3)
            {
                killedLog = await hosts.KillWhileHandlingAsync(1);
                await Task.Delay(300);
                await hosts.RestartAsync(1);
            }
        });
        using (var store = Store(schema))
        {
            await WaitForCompletedAsync(new PostgreSqlLineWebhookInbox(store), events);
        }

        var log = hosts.ReadLogs();
        var starts = log.Where(l => l.Step == "start").GroupBy(l => l.Id).ToDictionary(g => g.Key, g => g.Count());
        var done = log.Where(l => l.Step == "done").Select(l => l.Id).ToHashSet();
        var cutShort = log.Where(l => l.Log == killedLog && l.Step == "start").Select(l => l.Id)
            .Except(log.Where(l => l.Log == killedLog && l.Step == "done").Select(l => l.Id))
            .ToHashSet();
        var handledTwice = starts.Where(s => s.Value > 1).Select(s => s.Key).ToHashSet();
        output.WriteLine($"{events} events, 3 hosts, host 1 killed after a third: {done.Count} finished, {cutShort.Count} cut short by the kill, {handledTwice.Count} handled twice");

        cutShort.ShouldNotBeEmpty("the kill landed while handlers ran");
        done.Count.ShouldBe(events);
        starts.Count.ShouldBe(events);
        handledTwice.ShouldBeSubsetOf(cutShort);
        starts.Values.ShouldAllBe(count => count <= 2);
    }

    [Fact]
    public async Task OneAndThreeHostsHandleEachEventOnceAndReportTheirThroughput()
    {
        const int events = 2_400;
        var oneHost = await MeasureAsync(1, events);
        var threeHosts = await MeasureAsync(3, events);

        output.WriteLine($"PostgreSQL, {events} events: 1 host {oneHost:F0} events/s, 3 hosts {threeHosts:F0} events/s ({threeHosts / oneHost:F2}x)");
        threeHosts.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task TwoProcessesOnOneSqliteFileHandleEachEventOnce()
    {
        const int events = 1_200;
        using var directory = new TemporaryDatabase();
        (var oneRate, var oneMedian) = await MeasureSqliteAsync(1, events, directory.Path + ".one");
        (var twoRate, var twoMedian) = await MeasureSqliteAsync(2, events, directory.Path + ".two");

        output.WriteLine(
            $"SQLite, {events} events: 1 process {oneRate:F0} events/s (median webhook {oneMedian:F1} ms), "
            + $"2 processes on one file {twoRate:F0} events/s (median webhook {twoMedian:F1} ms)");
        twoRate.ShouldBeGreaterThan(0);
    }

    private async Task<double> MeasureAsync(int hostCount, int events)
    {
        var schema = "load_" + Guid.NewGuid().ToString("N");
        await using var hosts = new LoadHosts("postgres", server.ConnectionString, schema);
        await hosts.StartAsync(hostCount);
        var stopwatch = Stopwatch.StartNew();
        await DeliverAsync(hosts, events, redeliverEvery: 0, onProgress: _ => Task.CompletedTask);
        using (var store = Store(schema))
        {
            await WaitForCompletedAsync(new PostgreSqlLineWebhookInbox(store), events);
        }

        var rate = events / stopwatch.Elapsed.TotalSeconds;
        AssertHandledOnce(hosts, events);
        return rate;
    }

    private static async Task<(double Rate, double MedianMilliseconds)> MeasureSqliteAsync(int hostCount, int events, string path)
    {
        await using var hosts = new LoadHosts("sqlite", path, "unused");
        await hosts.StartAsync(hostCount);
        var stopwatch = Stopwatch.StartNew();
        await DeliverAsync(hosts, events, redeliverEvery: 0, onProgress: _ => Task.CompletedTask);
        using var inbox = new SqliteLineWebhookInbox(new SqliteLineWebhookInboxOptions { DatabasePath = path });
        await WaitForCompletedAsync(inbox, events);
        var rate = events / stopwatch.Elapsed.TotalSeconds;
        AssertHandledOnce(hosts, events);
        var latencies = hosts.WebhookMilliseconds.Order().ToArray();
        return (rate, latencies[latencies.Length / 2]);
    }

    private static void AssertHandledOnce(LoadHosts hosts, int events)
    {
        var log = hosts.ReadLogs();
        log.Count(l => l.Step == "done").ShouldBe(events);
        log.Where(l => l.Step == "start").Select(l => l.Id).Distinct().Count().ShouldBe(events);
    }

    /// <summary>
    /// Posts every event once in bodies of ten per OA, eight bodies at a time, spread over the hosts; every
    /// <paramref name="redeliverEvery"/>-th body is also redelivered at the same moment to the next host.
    /// </summary>
    private static async Task DeliverAsync(LoadHosts hosts, int events, int redeliverEvery, Func<int, Task> onProgress)
    {
        var bodies = Enumerable.Range(0, events / EventsPerBody)
            .Select(b => (Destination: Destinations[b % Destinations.Length],
                Ids: Enumerable.Range(b * EventsPerBody, EventsPerBody).Select(n => "01K" + n.ToString("D6", CultureInfo.InvariantCulture) + new string('0', 17) + n.ToString("x32", CultureInfo.InvariantCulture)[^32..]).ToArray()))
            .ToArray();
        var sent = 0;
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await Parallel.ForEachAsync(
            Enumerable.Range(0, bodies.Length),
            new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellation.Token },
            async (b, token) =>
            {
                var first = hosts.DeliverAsync(LoadHosts.Body(bodies[b].Destination, bodies[b].Ids, isRedelivery: false), b, token);
                var redelivery = redeliverEvery > 0 && b % redeliverEvery == 0
                    ? hosts.DeliverAsync(LoadHosts.Body(bodies[b].Destination, bodies[b].Ids, isRedelivery: true), b + 1, token)
                    : Task.CompletedTask;
                await Task.WhenAll(first, redelivery);
                await onProgress(Interlocked.Increment(ref sent));
            });
    }

    private static async Task WaitForCompletedAsync(ILineWebhookInbox inbox, int events)
    {
        var deadline = Stopwatch.StartNew();
        while ((await inbox.GetStatisticsAsync(CancellationToken.None)).Completed < events)
        {
            deadline.Elapsed.ShouldBeLessThan(TimeSpan.FromMinutes(3), "every stored event completes");
            await Task.Delay(50);
        }
    }

    private PostgreSqlLineStore Store(string schema) => new(new PostgreSqlLineStoreOptions { ConnectionString = server.ConnectionString, Schema = schema });
}
