using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ModuleGen.Line.Inbox;
using ModuleGen.Line.Inbox.Sqlite;
using ModuleGen.Line.Inbox.Tests.Infrastructure;
using ModuleGen.Tests.Shared;
using Shouldly;
using Xunit;

namespace ModuleGen.Line.Inbox.Tests;

/// <summary>
/// A worker keeps the lease of an event it is still handling, so a second worker on the same store gets nothing. Each
/// store runs this suite through a subclass; the clock is fake, so every renewal happens exactly when the test says.
/// </summary>
public abstract class LeaseRenewalTests : IDisposable
{
    /// <summary>Only a safety net against a hang; every wait below completes as soon as the awaited thing happens.</summary>
    private static readonly TimeSpan Hang = TimeSpan.FromSeconds(30);

    private static readonly CancellationToken None = CancellationToken.None;

    private readonly LineWebhookInboxOptions _options = new() { LeaseDuration = TimeSpan.FromSeconds(30) };

    private protected ManualTimeProvider Clock { get; } = new();

    public virtual void Dispose() => GC.SuppressFinalize(this);

    /// <summary>Opens the store under test; a second call is a second worker's view of the same events.</summary>
    private protected abstract ILineWebhookInbox OpenInbox();

    [Fact]
    public async Task HandlerThatOutlivesItsLeaseIsHandledOnceAndCompletedWhileASecondWorkerGetsNothing()
    {
        var finish = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var slow = new RecordingProcessor(async (_, _) =>
        {
            started.TrySetResult();
            await finish.Task;
        });
        var other = RecordingProcessor.Succeeding();
        var inbox = new RenewalRecordingInbox(OpenInbox());
        var first = CreateWorker(inbox, slow);
        var second = CreateWorker(OpenInbox(), other);
        await inbox.EnqueueAsync([TestEvents.Message(TestEvents.Id(1))], None);

        var handling = first.ProcessDueEventsAsync(None);
        await started.Task.WaitAsync(Hang);
        var renewals = new List<RenewalOutcome>();
        var leasedBySecondWorker = new List<int>();
        for (var tick = 0; tick < 9; tick++)
        {
            Clock.Advance(_options.LeaseDuration / 3);
            renewals.Add(await inbox.NextRenewalAsync().WaitAsync(Hang));
            leasedBySecondWorker.Add(await second.ProcessDueEventsAsync(None));
        }

        finish.SetResult();
        var leasedByFirstWorker = await handling.WaitAsync(Hang);
        Clock.Advance(_options.LeaseDuration * 2);

        leasedByFirstWorker.ShouldBe(1);
        renewals.ShouldAllBe(outcome => outcome == RenewalOutcome.Renewed);
        leasedBySecondWorker.ShouldAllBe(leased => leased == 0);
        (await second.ProcessDueEventsAsync(None)).ShouldBe(0);
        slow.Calls.ShouldBe([(TestEvents.Id(1), 1)]);
        slow.Handled.ShouldBe([(TestEvents.Id(1), 1)]);
        other.Calls.ShouldBeEmpty();
        (await inbox.GetStatisticsAsync(None)).ShouldBe(new LineInboxStatistics(0, 0, 1, 0, null));
    }

    [Fact]
    public async Task EventWaitingForItsTurnInTheBatchKeepsItsLeaseToo()
    {
        var finish = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var slowFirst = new RecordingProcessor(async (entry, _) =>
        {
            if (entry.Event.WebhookEventId == TestEvents.Id(1))
            {
                started.TrySetResult();
                await finish.Task;
            }
        });
        var other = RecordingProcessor.Succeeding();
        var inbox = new RenewalRecordingInbox(OpenInbox());
        var first = CreateWorker(inbox, slowFirst);
        var second = CreateWorker(OpenInbox(), other);
        await inbox.EnqueueAsync([TestEvents.Message(TestEvents.Id(1)), TestEvents.Message(TestEvents.Id(2))], None);

        var handling = first.ProcessDueEventsAsync(None);
        await started.Task.WaitAsync(Hang);
        for (var tick = 0; tick < 6; tick++)
        {
            Clock.Advance(_options.LeaseDuration / 3);
            (await inbox.NextRenewalAsync().WaitAsync(Hang)).ShouldBe(RenewalOutcome.Renewed);
            (await inbox.NextRenewalAsync().WaitAsync(Hang)).ShouldBe(RenewalOutcome.Renewed);
        }

        var leasedBySecondWorker = await second.ProcessDueEventsAsync(None);
        finish.SetResult();
        await handling.WaitAsync(Hang);

        leasedBySecondWorker.ShouldBe(0);
        other.Calls.ShouldBeEmpty();
        slowFirst.Handled.ShouldBe([(TestEvents.Id(1), 1), (TestEvents.Id(2), 1)]);
        (await inbox.GetStatisticsAsync(None)).Completed.ShouldBe(2);
    }

    private LineWebhookInboxWorker CreateWorker(ILineWebhookInbox inbox, ILineInboxEventProcessor processor) =>
        new(inbox, processor, new LineWebhookInboxSignal(), Options.Create(_options), NullLogger<LineWebhookInboxWorker>.Instance, Clock);
}

public sealed class InMemoryLeaseRenewalTests : LeaseRenewalTests
{
    private readonly Lazy<InMemoryLineWebhookInbox> _inbox;

    public InMemoryLeaseRenewalTests()
    {
        _inbox = new Lazy<InMemoryLineWebhookInbox>(() => new InMemoryLineWebhookInbox(Clock));
    }

    private protected override ILineWebhookInbox OpenInbox() => _inbox.Value;
}

public sealed class SqliteLeaseRenewalTests : LeaseRenewalTests
{
    private readonly TemporaryDatabase _database = new();
    private readonly List<SqliteLineWebhookInbox> _opened = [];

    public override void Dispose()
    {
        _opened.ForEach(inbox => inbox.Dispose());
        _database.Dispose();
        base.Dispose();
    }

    /// <summary>Every call opens its own connection to the file, as a second process would.</summary>
    private protected override ILineWebhookInbox OpenInbox()
    {
        var inbox = new SqliteLineWebhookInbox(new SqliteLineWebhookInboxOptions { DatabasePath = _database.Path }, Clock);
        _opened.Add(inbox);
        return inbox;
    }
}
