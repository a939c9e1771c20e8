using System;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using ModuleGen.Line.Testing.Faults;
using ModuleGen.Line.Testing.Tests.Infrastructure;
using Shouldly;
using Xunit;

namespace ModuleGen.Line.Testing.Tests;

/// <summary>Faults planned for the next calls of an operation: statuses, delays and connection resets.</summary>
public sealed class FaultTests : IDisposable
{
    private readonly LineFakePlatform platform = LineFakePlatform.Start();
    private readonly ModuleClients clients;
    private readonly string botId;

    public FaultTests()
    {
        clients = new ModuleClients(platform);
        botId = platform.AttachBot().BotId;
    }

    public void Dispose()
    {
        clients.Dispose();
        platform.Dispose();
    }

    [Theory]
    [InlineData(LineTooManyRequestsKind.RateLimit, "The API rate limit has been exceeded. Try again later.")]
    [InlineData(LineTooManyRequestsKind.ConcurrencyLimit, "The number of concurrent requests exceeds the limit")]
    [InlineData(LineTooManyRequestsKind.MonthlyQuota, "You have reached your monthly limit.")]
    [InlineData(LineTooManyRequestsKind.Unspecified, "Too many requests.")]
    public async Task ARateLimitedCallGets429WithThatLimitsMessage(LineTooManyRequestsKind kind, string message)
    {
        platform.Faults.Next("getBotInfo").RateLimited(kind);

        var refused = await Should.ThrowAsync<LineApiException>(() => clients.Messaging.ForBot(botId).GetBotInfoAsync());

        refused.Status.ShouldBe(429);
        refused.Error.ShouldNotBeNull().Message.ShouldBe(message);
        refused.TooManyRequestsKind.ShouldBe(kind);
        refused.RequestId.ShouldNotBeNull();
    }

    [Fact]
    public async Task TheNextNCallsFailAndTheOneAfterIsServed()
    {
        platform.Faults.Next("getBotInfo", 3).FailWith(500, "An error occurred in the server");

        for (var call = 0; call < 3; call++)
        {
            (await Should.ThrowAsync<LineApiException>(() => clients.Messaging.ForBot(botId).GetBotInfoAsync())).Status.ShouldBe(500);
        }

        (await clients.Messaging.ForBot(botId).GetBotInfoAsync()).Status.ShouldBe(200);
        platform.Faults.Pending("getBotInfo").ShouldBe(0);
        platform.Requests.Select(request => request.Status).ShouldBe([500, 500, 500, 200]);
    }

    [Fact]
    public async Task AFailedCallChangesNothing()
    {
        platform.Faults.Next("detachModule").FailWith(503, "Service unavailable");

        await Should.ThrowAsync<LineApiException>(() => clients.Module.DetachModuleAsync(new Models.DetachModuleRequest { BotId = botId }));

        platform.AttachedBots.ShouldHaveSingleItem().BotId.ShouldBe(botId);
    }

    [Fact]
    public async Task ADelayHoldsTheCallBackThenServesIt()
    {
        var delay = TimeSpan.FromMilliseconds(300);
        platform.Faults.Next("getBotInfo").Delay(delay);
        var stopwatch = Stopwatch.StartNew();

        var info = await clients.Messaging.ForBot(botId).GetBotInfoAsync();

        stopwatch.Elapsed.ShouldBeGreaterThanOrEqualTo(delay);
        info.Status.ShouldBe(200);
    }

    [Fact]
    public async Task AResetBeforeTheRequestLeavesNothingInTheJournal()
    {
        platform.Faults.Next("getBotInfo").ResetBeforeRequest();

        var reset = await Should.ThrowAsync<LineApiException>(() => clients.Messaging.ForBot(botId).GetBotInfoAsync());

        reset.Status.ShouldBe(0);
        reset.InnerException.ShouldBeOfType<HttpRequestException>().HttpRequestError.ShouldBe(HttpRequestError.ConnectionError);
        platform.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task ALostAnswerIsJournaledAndActedOnWhileTheClientSeesAReset()
    {
        platform.Faults.Next("detachModule").LoseAnswer();

        var reset = await Should.ThrowAsync<LineApiException>(() => clients.Module.DetachModuleAsync(new Models.DetachModuleRequest { BotId = botId }));

        reset.Status.ShouldBe(0);
        platform.Requests.ShouldHaveSingleItem().Status.ShouldBe(200);
        platform.AttachedBots.ShouldBeEmpty();
    }

    [Fact]
    public void PlanningAFaultForAnOperationTheSpecLacksIsATypedError()
    {
        Should.Throw<ArgumentException>(() => platform.Faults.Next("pushMessages")).ParamName.ShouldBe("operationId");
        Should.Throw<ArgumentOutOfRangeException>(() => platform.Faults.Next("pushMessage", 0)).ParamName.ShouldBe("count");
    }
}
