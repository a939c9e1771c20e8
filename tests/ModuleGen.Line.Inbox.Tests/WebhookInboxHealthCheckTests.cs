using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using ModuleGen.Line.Inbox;
using ModuleGen.Line.Inbox.Tests.Infrastructure;
using ModuleGen.Tests.Shared;
using Shouldly;
using Xunit;

namespace ModuleGen.Line.Inbox.Tests;

public sealed class WebhookInboxHealthCheckTests
{
    private static readonly TimeSpan LeaseDuration = TimeSpan.FromMinutes(5);
    private static readonly CancellationToken None = CancellationToken.None;

    private readonly ManualTimeProvider _clock = new();
    private readonly InMemoryLineWebhookInbox _inbox;
    private readonly LineWebhookInboxHealthCheckOptions _options = new();

    public WebhookInboxHealthCheckTests()
    {
        _inbox = new InMemoryLineWebhookInbox(_clock);
    }

    [Fact]
    public async Task EmptyInboxIsHealthyWithZeroCounts()
    {
        var result = await CheckAsync(_inbox);

        result.Status.ShouldBe(HealthStatus.Healthy);
        result.Description.ShouldBe("The webhook inbox keeps up; unfinished events: 0.");
        result.Data.ShouldBe(Counts(pending: 0, inFlight: 0, completed: 0, deadLettered: 0), ignoreOrder: true);
    }

    [Fact]
    public async Task InboxWithRecentUnfinishedEventsIsHealthyAndReportsTheirCountsAndAge()
    {
        await _inbox.EnqueueAsync([TestEvents.Message(TestEvents.Id(1)), TestEvents.Message(TestEvents.Id(2))], None);
        await _inbox.EnqueueAsync([TestEvents.Message(TestEvents.Id(3))], None);
        var leased = await _inbox.LeaseAsync(2, TimeSpan.FromHours(1), None);
        await _inbox.CompleteAsync(leased[0], None);
        _clock.Advance(_options.MaxOldestPendingAge);

        var result = await CheckAsync(_inbox);

        result.Status.ShouldBe(HealthStatus.Healthy);
        result.Description.ShouldBe("The webhook inbox keeps up; unfinished events: 2.");
        var expected = new Dictionary<string, object>(Counts(pending: 1, inFlight: 1, completed: 1, deadLettered: 0))
        {
            ["oldestPendingReceivedAt"] = ManualTimeProvider.DefaultStart,
            ["oldestPendingAgeSeconds"] = _options.MaxOldestPendingAge.TotalSeconds,
        };
        result.Data.ShouldBe(expected, ignoreOrder: true);
    }

    [Fact]
    public async Task DeadLetteredEventMakesTheInboxDegraded()
    {
        await _inbox.EnqueueAsync([TestEvents.Message(TestEvents.Id(1))], None);
        await _inbox.FailAsync((await _inbox.LeaseAsync(1, LeaseDuration, None))[0], "handler bug", retryAt: null, None);

        var result = await CheckAsync(_inbox);

        result.Status.ShouldBe(HealthStatus.Degraded);
        result.Description.ShouldBe("The webhook inbox falls behind: dead-lettered events waiting for an operator: 1 (limit 0).");
        result.Data.ShouldBe(Counts(pending: 0, inFlight: 0, completed: 0, deadLettered: 1), ignoreOrder: true);
    }

    [Fact]
    public async Task DeadLettersUpToTheConfiguredLimitKeepTheInboxHealthy()
    {
        _options.MaxDeadLettered = 1;
        await _inbox.EnqueueAsync([TestEvents.Message(TestEvents.Id(1))], None);
        await _inbox.FailAsync((await _inbox.LeaseAsync(1, LeaseDuration, None))[0], "handler bug", retryAt: null, None);

        (await CheckAsync(_inbox)).Status.ShouldBe(HealthStatus.Healthy);
    }

    [Fact]
    public async Task UnfinishedEventOlderThanTheLimitMakesTheInboxDegraded()
    {
        await _inbox.EnqueueAsync([TestEvents.Message(TestEvents.Id(1))], None);
        _clock.Advance(TimeSpan.FromMinutes(7) + TimeSpan.FromMilliseconds(250));

        var result = await CheckAsync(_inbox);

        result.Status.ShouldBe(HealthStatus.Degraded);
        result.Description.ShouldBe(
            "The webhook inbox falls behind: oldest unfinished event stored 00:07:00 ago (limit 00:05:00).");
        result.Data["pending"].ShouldBe(1);
        result.Data["oldestPendingAgeSeconds"].ShouldBe(420.25);
    }

    [Fact]
    public async Task BacklogLargerThanTheLimitMakesTheInboxDegraded()
    {
        _options.MaxBacklog = 2;
        await _inbox.EnqueueAsync(Enumerable.Range(1, 3).Select(i => TestEvents.Message(TestEvents.Id(i))).ToList(), None);
        await _inbox.LeaseAsync(1, LeaseDuration, None);

        var result = await CheckAsync(_inbox);

        result.Status.ShouldBe(HealthStatus.Degraded);
        result.Description.ShouldBe("The webhook inbox falls behind: unfinished events: 3 (limit 2).");
        result.Data["backlog"].ShouldBe(3);
        result.Data["inFlight"].ShouldBe(1);
    }

    [Fact]
    public async Task EveryExceededLimitIsNamedInTheDescription()
    {
        _options.MaxBacklog = 1;
        await _inbox.EnqueueAsync(Enumerable.Range(1, 3).Select(i => TestEvents.Message(TestEvents.Id(i))).ToList(), None);
        await _inbox.FailAsync((await _inbox.LeaseAsync(1, LeaseDuration, None))[0], "handler bug", retryAt: null, None);
        _clock.Advance(TimeSpan.FromMinutes(6));

        var result = await CheckAsync(_inbox);

        result.Status.ShouldBe(HealthStatus.Degraded);
        result.Description.ShouldBe(
            "The webhook inbox falls behind: dead-lettered events waiting for an operator: 1 (limit 0); "
            + "oldest unfinished event stored 00:06:00 ago (limit 00:05:00); unfinished events: 2 (limit 1).");
    }

    [Fact]
    public async Task UnreadableStoreMakesTheInboxUnhealthyWithTheStoresException()
    {
        var failure = new InvalidOperationException("database is locked");

        var result = await CheckAsync(new UnreadableInbox(failure));

        result.Status.ShouldBe(HealthStatus.Unhealthy);
        result.Description.ShouldBe("The webhook inbox store could not be read.");
        result.Exception.ShouldBeSameAs(failure);
        result.Data.ShouldBeEmpty();
    }

    [Fact]
    public async Task RegisteredCheckRunsUnderItsNameWithItsTagsAndOptions()
    {
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<TimeProvider>(_clock)
            .AddSingleton<ILineWebhookInbox>(_inbox);
        services.AddHealthChecks()
            .AddLineWebhookInbox(configure: options => options.MaxBacklog = 0, tags: ["ready"])
            .AddCheck("unrelated", () => HealthCheckResult.Unhealthy(), tags: ["live"]);
        await using var provider = services.BuildServiceProvider(validateScopes: true);
        await _inbox.EnqueueAsync([TestEvents.Message(TestEvents.Id(1))], None);

        var report = await provider.GetRequiredService<HealthCheckService>()
            .CheckHealthAsync(registration => registration.Tags.Contains("ready"), None);

        (var name, var entry) = report.Entries.ShouldHaveSingleItem();
        name.ShouldBe("line-webhook-inbox");
        entry.Status.ShouldBe(HealthStatus.Degraded);
        entry.Tags.ShouldBe(["ready"]);
        entry.Description.ShouldBe("The webhook inbox falls behind: unfinished events: 1 (limit 0).");
    }

    [Fact]
    public async Task RegisteredCheckReportsItsFailureStatusWhenTheStoreCannotBeRead()
    {
        var failure = new InvalidOperationException("database is locked");
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<ILineWebhookInbox>(new UnreadableInbox(failure));
        services.AddHealthChecks().AddLineWebhookInbox("inbox", failureStatus: HealthStatus.Degraded);
        await using var provider = services.BuildServiceProvider(validateScopes: true);

        var report = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync(None);

        var entry = report.Entries["inbox"];
        entry.Status.ShouldBe(HealthStatus.Degraded);
        entry.Description.ShouldBe("The webhook inbox store could not be read.");
        entry.Exception.ShouldBeSameAs(failure);
    }

    [Fact]
    public void LimitsThatCannotBeMetAreRefusedAtRegistration()
    {
        var builder = new ServiceCollection().AddHealthChecks();

        Should.Throw<ArgumentOutOfRangeException>(() => builder.AddLineWebhookInbox(configure: options => options.MaxBacklog = -1))
            .ParamName.ShouldBe(nameof(LineWebhookInboxHealthCheckOptions.MaxBacklog));
        Should.Throw<ArgumentOutOfRangeException>(
                () => builder.AddLineWebhookInbox(configure: options => options.MaxOldestPendingAge = TimeSpan.FromSeconds(-1)))
            .ParamName.ShouldBe(nameof(LineWebhookInboxHealthCheckOptions.MaxOldestPendingAge));
    }

    private Task<HealthCheckResult> CheckAsync(ILineWebhookInbox inbox) =>
        new LineWebhookInboxHealthCheck(inbox, _options, _clock).CheckHealthAsync(
            new HealthCheckContext
            {
                Registration = new HealthCheckRegistration("inbox", _ => null!, failureStatus: null, tags: null),
            },
            None);

    private static Dictionary<string, object> Counts(int pending, int inFlight, int completed, int deadLettered) => new()
    {
        ["pending"] = pending,
        ["inFlight"] = inFlight,
        ["completed"] = completed,
        ["deadLettered"] = deadLettered,
        ["backlog"] = pending + inFlight,
    };

    /// <summary>A store that cannot be read, as a corrupt file or an unreachable server would.</summary>
    private sealed class UnreadableInbox(Exception failure) : DelegatingWebhookInbox(new InMemoryLineWebhookInbox())
    {
        public override ValueTask<LineInboxStatistics> GetStatisticsAsync(CancellationToken cancellationToken) =>
            ValueTask.FromException<LineInboxStatistics>(failure);
    }
}
