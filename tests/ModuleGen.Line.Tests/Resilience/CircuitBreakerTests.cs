using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using ModuleGen.Line.Tests.Infrastructure;
using ModuleGen.Line.Tests.Messaging;
using Shouldly;
using Xunit;

namespace ModuleGen.Line.Tests.Resilience;

/// <summary>One circuit per OA: one OA's trouble never stops another's calls, and 429s never open a circuit.</summary>
public sealed class CircuitBreakerTests
{
    private const string Troubled = "U0000000000000000000000000000000a";
    private const string Healthy = "U0000000000000000000000000000000b";
    private const string BotIdHeader = "X-Line-Bot-Id";

    private static readonly Dictionary<string, string?> SmallCircuit = new()
    {
        ["Resilience:CircuitMinimumThroughput"] = "4",
        ["Resilience:CircuitFailureRatio"] = "0.5",
        ["Resilience:CircuitSamplingDuration"] = "00:00:10",
        ["Resilience:CircuitBreakDuration"] = "00:00:00.500",
        ["Resilience:MaxRetryAttempts"] = "1",
    };

    [Fact]
    public async Task RepeatedServerErrorsOpenOneOasCircuitWhileOtherOasGoThroughAndTheCircuitRecovers()
    {
        var failing = true;
        var line = new FakeLineHandler((request, _) => failing && request.Header(BotIdHeader) == Troubled ? Faults.ServerError() : Faults.Ok());
        using var host = LineTestHost.Create(line, SmallCircuit);
        for (var i = 0; i < 3; i++)
        {
            await Should.ThrowAsync<LineApiException>(host.Bot(Troubled).PushMessageAsync(MessagingTestContext.Push()));
        }

        var sentToTroubled = line.Requests.Count(r => r.Header(BotIdHeader) == Troubled);
        var refused = await Should.ThrowAsync<LineCircuitOpenException>(host.Bot(Troubled).PushMessageAsync(MessagingTestContext.Push()));
        (await host.Bot(Healthy).PushMessageAsync(MessagingTestContext.Push())).Status.ShouldBe(200);

        line.Requests.Count(r => r.Header(BotIdHeader) == Troubled).ShouldBe(sentToTroubled);
        refused.RetryKey.ShouldNotBeNull();
        LineFailurePolicy.Classify(refused).IsPermanent.ShouldBeFalse();

        failing = false;
        await Task.Delay(700);
        (await host.Bot(Troubled).PushMessageAsync(MessagingTestContext.Push())).Status.ShouldBe(200);
    }

    [Fact]
    public async Task TooManyRequestsDoNotOpenTheCircuit()
    {
        var line = new FakeLineHandler((_, _) => Faults.TooManyRequests(Faults.RateLimitMessage));
        using var host = LineTestHost.Create(line, SmallCircuit);
        for (var i = 0; i < 6; i++)
        {
            (await Should.ThrowAsync<LineApiException>(host.Bot(Troubled).PushMessageAsync(MessagingTestContext.Push())))
                .ShouldNotBeOfType<LineCircuitOpenException>();
        }

        line.Count.ShouldBe(12);
    }
}
