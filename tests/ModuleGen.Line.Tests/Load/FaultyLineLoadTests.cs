using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using ModuleGen.Line.Tests.Infrastructure;
using ModuleGen.Line.Tests.Messaging;
using Shouldly;
using Xunit;
using Xunit.Abstractions;

namespace ModuleGen.Line.Tests.Load;

/// <summary>
/// 10,000 pushes across 1,000 OAs through AddLineModule's pipeline against a LINE that faults one attempt in five —
/// before doing the work (reset, 500, 429) or after it (the answer lost: 500 or reset). The fake keeps LINE's retry-key
/// journal, so a repeat of done work answers 409. Nothing may be lost, duplicated or sent for the wrong OA.
/// </summary>
[Collection(nameof(MeasurementCollection))]
public sealed partial class FaultyLineLoadTests
{
    private const int Bots = 1000;
    private const int PushesPerBot = 10;

    private readonly ITestOutputHelper _output;

    public FaultyLineLoadTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task TenThousandPushesAcrossAThousandOasWithOneAttemptInFiveFaultedAreDeliveredExactlyOnceEach()
    {
        var line = new JournalingLine(seed: 11);
        using var host = LineTestHost.Create(new FakeLineHandler(line.Respond), new Dictionary<string, string?>
        {
            ["Resilience:MaxRetryAttempts"] = "5",
            ["Resilience:RetryDelay"] = "00:00:00.001",
            ["Resilience:MaxRetryDelay"] = "00:00:00.010",
        });
        var byCaller = 0;
        var clock = Stopwatch.StartNew();

        await Parallel.ForEachAsync(
            Enumerable.Range(0, Bots * PushesPerBot),
            new ParallelOptions { MaxDegreeOfParallelism = 32 },
            async (i, _) =>
            {
                var bot = "U" + (i % Bots).ToString("x32");
                string? retryKey = null;

                // What a module's inbox does with a transient failure: send again later, with the same retry key.
                for (var attempt = 0; ; attempt++)
                {
                    try
                    {
                        await host.Bot(bot).PushMessageAsync(MessagingTestContext.Push($"{bot}|{i}"), retryKey);
                        return;
                    }
                    catch (LineApiException failure) when (attempt < 5 && !LineFailurePolicy.Classify(failure).IsPermanent)
                    {
                        retryKey = failure.RetryKey;
                        Interlocked.Increment(ref byCaller);
                    }
                }
            });

        var lost = Enumerable.Range(0, Bots * PushesPerBot).Count(i => !line.Deliveries.ContainsKey("U" + (i % Bots).ToString("x32") + "|" + i));
        var duplicates = line.Deliveries.Values.Count(count => count > 1);
        _output.WriteLine($"{Bots * PushesPerBot} pushes, {line.Attempts} attempts, {line.Faults} faults ({100.0 * line.Faults / line.Attempts:0.0}%), "
            + $"{line.Conflicts} answered 409, {byCaller} re-sent by the caller; lost {lost}, duplicates {duplicates}, bot-id mismatches {line.Mismatches}; {clock.Elapsed.TotalSeconds:0.0} s");

        lost.ShouldBe(0);
        duplicates.ShouldBe(0);
        line.Mismatches.ShouldBe(0);
        line.Deliveries.Count.ShouldBe(Bots * PushesPerBot);
        ((double)line.Faults / line.Attempts).ShouldBeInRange(0.17, 0.23);
    }

    /// <summary>A fake LINE with a retry-key journal that faults one attempt in five.</summary>
    private sealed partial class JournalingLine
    {
        private readonly Random _random;
        private readonly ConcurrentDictionary<string, string> _accepted = new();
        private int _attempts;
        private int _faults;
        private int _conflicts;
        private int _mismatches;

        public JournalingLine(int seed) => _random = new Random(seed);

        public ConcurrentDictionary<string, int> Deliveries { get; } = new();

        public int Attempts => Volatile.Read(ref _attempts);

        public int Faults => Volatile.Read(ref _faults);

        public int Conflicts => Volatile.Read(ref _conflicts);

        public int Mismatches => Volatile.Read(ref _mismatches);

        public System.Net.Http.HttpResponseMessage Respond(LineRecordedRequest request, int n)
        {
            Interlocked.Increment(ref _attempts);
            double roll;
            lock (_random)
            {
                roll = _random.NextDouble();
            }

            switch (roll)
            {
                case < 0.04:
                    Interlocked.Increment(ref _faults);
                    throw Infrastructure.Faults.Reset();
                case < 0.08:
                    Interlocked.Increment(ref _faults);
                    return Infrastructure.Faults.ServerError();
                case < 0.12:
                    Interlocked.Increment(ref _faults);
                    return Infrastructure.Faults.TooManyRequests(Infrastructure.Faults.RateLimitMessage);
            }

            var key = request.Header("X-Line-Retry-Key")!;
            if (_accepted.TryGetValue(key, out var acceptedRequestId))
            {
                Interlocked.Increment(ref _conflicts);
                return Infrastructure.Faults.AlreadyAccepted(acceptedRequestId);
            }

            var text = TextPattern().Match(request.Body!).Groups[1].Value;
            if (!string.Equals(text.Split('|')[0], request.Header("X-Line-Bot-Id"), StringComparison.Ordinal))
            {
                Interlocked.Increment(ref _mismatches);
            }

            if (_accepted.TryAdd(key, "req-" + n))
            {
                Deliveries.AddOrUpdate(text, 1, (_, count) => count + 1);
            }

            switch (roll)
            {
                case < 0.16:
                    Interlocked.Increment(ref _faults);
                    return Infrastructure.Faults.ServerError();
                case < 0.20:
                    Interlocked.Increment(ref _faults);
                    throw Infrastructure.Faults.Reset();
                default:
                    return Infrastructure.Faults.Ok("req-" + n);
            }
        }

        [GeneratedRegex("\"text\":\"([^\"]+)\"")]
        private static partial Regex TextPattern();
    }
}
