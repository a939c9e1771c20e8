using System;
using ModuleGen.Line.Inbox;
using Shouldly;
using Xunit;

namespace ModuleGen.Line.Inbox.Tests;

public sealed class RetryBackoffTests
{
    private static readonly LineWebhookInboxOptions Defaults = new();

    [Theory]
    [InlineData(1, 2)]
    [InlineData(2, 4)]
    [InlineData(3, 8)]
    [InlineData(7, 128)]
    [InlineData(8, 256)]
    [InlineData(9, 300)]
    [InlineData(1000, 300)]
    public void RetryDelayCeilingDoublesPerFailureUpToFiveMinutes(int failedAttempt, int ceilingSeconds)
    {
        var almostCeiling = LineRetryBackoff.ComputeDelay(failedAttempt, Defaults, jitter: 0.999999);

        almostCeiling.ShouldBeInRange(
            TimeSpan.FromSeconds(ceilingSeconds) - TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(ceilingSeconds));
    }

    [Fact]
    public void RetryDelayIsTheJitteredFractionOfTheCeiling()
    {
        LineRetryBackoff.ComputeDelay(3, Defaults, jitter: 0).ShouldBe(TimeSpan.Zero);
        LineRetryBackoff.ComputeDelay(3, Defaults, jitter: 0.5).ShouldBe(TimeSpan.FromSeconds(4));
    }
}
