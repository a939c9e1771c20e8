using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using ModuleGen.Line.Tests.Infrastructure;
using ModuleGen.Line.Tests.Messaging;
using Shouldly;
using Xunit;

namespace ModuleGen.Line.Tests.Resilience;

/// <summary>A cancelled call ends at once, even with a retry's backoff pending (a timing measurement, so run with the others).</summary>
[Collection(nameof(MeasurementCollection))]
public sealed class CancellationTests
{
    private const string Bot = MessagingTestContext.BotId;

    [Fact]
    public async Task CancellationStopsACallWithRetriesPendingWithin100Milliseconds()
    {
        var line = new FakeLineHandler((_, _) => Faults.ServerError());
        using var host = LineTestHost.Create(line, new Dictionary<string, string?>
        {
            ["Resilience:RetryDelay"] = "00:00:05",
            ["Resilience:MaxRetryDelay"] = "00:00:05",
            ["Resilience:TotalTimeout"] = "00:00:30",
            ["Resilience:AttemptTimeout"] = "00:00:10",
            ["Resilience:CircuitSamplingDuration"] = "00:00:30",
            ["RateLimits:QueueTime"] = "00:00:01",
        });
        using var cancellation = new CancellationTokenSource();
        var call = host.Bot(Bot).PushMessageAsync(MessagingTestContext.Push(), cancellationToken: cancellation.Token);
        while (line.Count == 0)
        {
            await Task.Delay(5);
        }

        await Task.Delay(50);
        var clock = Stopwatch.StartNew();
        cancellation.Cancel();
        await Should.ThrowAsync<OperationCanceledException>(call);

        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromMilliseconds(100));
        line.Count.ShouldBe(1);
    }
}
