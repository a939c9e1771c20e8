using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Shouldly;
using Xunit;
using Xunit.Abstractions;

namespace ModuleGen.Line.RateLimiting.Redis.Tests;

[Collection(RedisCollection.Name)]
public sealed class RedisLineRateLimiterTests(RedisServer server, ITestOutputHelper output)
{
    private const double Limit = 40;
    private const int Burst = 10;

    [Fact]
    public async Task TwoProcessesDrivingOneOaAtThreeTimesItsLimitStayWithinItTogether()
    {
        var bot = "U" + Guid.NewGuid().ToString("N");
        const double seconds = 3;

        var permits = await Task.WhenAll(
            DriveAsync(bot, attemptsPerSecond: Limit * 1.5, seconds),
            DriveAsync(bot, attemptsPerSecond: Limit * 1.5, seconds));

        var all = permits.SelectMany(p => p).Order().ToArray();
        var busiestSecond = all.Max(start => all.Count(t => t >= start && t < start + 1000));
        output.WriteLine($"limit {Limit}/s burst {Burst}, two processes attempting {Limit * 3}/s for {seconds} s: {permits[0].Length} + {permits[1].Length} permits, busiest second {busiestSecond}");

        permits.ShouldAllBe(p => p.Length > 0, "both processes got permits");
        all.Length.ShouldBeLessThanOrEqualTo((int)(Burst + Limit * seconds));
        all.Length.ShouldBeGreaterThanOrEqualTo((int)(Limit * seconds * 0.8));
        // The token bucket allows its burst on top of one second's refill; the slack covers timestamps taken after the
        // answer arrived rather than when Redis granted the permit.
        busiestSecond.ShouldBeLessThanOrEqualTo((int)(Burst + Limit) + 2);
    }

    [Fact]
    public async Task OtherOasAndOperationsHaveBucketsOfTheirOwn()
    {
        var options = new RedisLineRateLimiterOptions { DefaultLimit = new LineSharedRateLimit(1, 1) };
        var limiter = new RedisLineRateLimiter(server.Redis, options);
        var bot = "U" + Guid.NewGuid().ToString("N");

        var first = await limiter.TryAcquireAsync(bot, "pushMessage", CancellationToken.None);
        var second = await limiter.TryAcquireAsync(bot, "pushMessage", CancellationToken.None);
        var otherOperation = await limiter.TryAcquireAsync(bot, "replyMessage", CancellationToken.None);
        var otherBot = await limiter.TryAcquireAsync(bot + "x", "pushMessage", CancellationToken.None);

        first.IsAcquired.ShouldBeTrue();
        second.IsAcquired.ShouldBeFalse();
        second.RetryAfter.ShouldBeInRange(TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(1));
        otherOperation.IsAcquired.ShouldBeTrue();
        otherBot.IsAcquired.ShouldBeTrue();
    }

    private async Task<long[]> DriveAsync(string bot, double attemptsPerSecond, double seconds)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[]
        {
            Path.Combine(AppContext.BaseDirectory, "ModuleGen.Line.RateLimiting.Redis.Driver.dll"), server.Endpoint, bot,
            Limit.ToString(CultureInfo.InvariantCulture), Burst.ToString(CultureInfo.InvariantCulture),
            attemptsPerSecond.ToString(CultureInfo.InvariantCulture), seconds.ToString(CultureInfo.InvariantCulture),
        })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var stdout = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        process.ExitCode.ShouldBe(0, await error);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        lines.First().ShouldBe("ready");
        return lines.Skip(1).Select(line => long.Parse(line, CultureInfo.InvariantCulture)).ToArray();
    }
}
