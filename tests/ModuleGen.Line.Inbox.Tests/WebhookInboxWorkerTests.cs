using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ModuleGen.Line.Inbox;
using ModuleGen.Line.Inbox.Tests.Infrastructure;
using ModuleGen.Tests.Shared;
using Shouldly;
using Xunit;

namespace ModuleGen.Line.Inbox.Tests;

public sealed class WebhookInboxWorkerTests
{
    /// <summary>Only a safety net against a hang; every wait below completes as soon as the awaited thing happens.</summary>
    private static readonly TimeSpan Hang = TimeSpan.FromSeconds(30);

    private static readonly CancellationToken None = CancellationToken.None;

    private readonly ManualTimeProvider _clock = new();
    private readonly InMemoryLineWebhookInbox _inbox;
    private readonly LineWebhookInboxSignal _signal = new();
    private readonly LineWebhookInboxOptions _options = new() { MaxAttempts = 4 };

    public WebhookInboxWorkerTests()
    {
        _inbox = new InMemoryLineWebhookInbox(_clock);
    }

    [Fact]
    public async Task RedeliveredEventIsHandledOnce()
    {
        var processor = RecordingProcessor.Succeeding();
        var worker = CreateWorker(processor);
        await _inbox.EnqueueAsync([TestEvents.Message(TestEvents.Id(1))], None);
        await worker.ProcessDueEventsAsync(None);

        await _inbox.EnqueueAsync([TestEvents.Message(TestEvents.Id(1), isRedelivery: true)], None);
        await _inbox.EnqueueAsync([TestEvents.Message(TestEvents.Id(1), isRedelivery: true)], None);
        await worker.ProcessDueEventsAsync(None);

        processor.Calls.ShouldBe([(TestEvents.Id(1), 1)]);
    }

    [Fact]
    public async Task EventThatFailsTwiceIsHandledOnceOnTheThirdAttempt()
    {
        var processor = RecordingProcessor.FailingTimes(2);
        var worker = CreateWorker(processor);
        await _inbox.EnqueueAsync([TestEvents.Message(TestEvents.Id(1))], None);

        for (var round = 0; round < 5; round++)
        {
            await worker.ProcessDueEventsAsync(None);
            _clock.Advance(_options.RetryMaxDelay);
        }

        processor.Calls.ShouldBe([(TestEvents.Id(1), 1), (TestEvents.Id(1), 2), (TestEvents.Id(1), 3)]);
        processor.Handled.ShouldBe([(TestEvents.Id(1), 3)]);
        (await _inbox.GetStatisticsAsync(None)).ShouldBe(new LineInboxStatistics(0, 0, 1, 0, null));
    }

    [Fact]
    public async Task FailedEventWaitsForItsBackoffBeforeTheNextAttempt()
    {
        _options.RetryBaseDelay = TimeSpan.FromMinutes(1);
        _options.RetryMaxDelay = TimeSpan.FromMinutes(1);
        var processor = RecordingProcessor.FailingTimes(1);
        var worker = CreateWorker(processor);
        await _inbox.EnqueueAsync([TestEvents.Message(TestEvents.Id(1))], None);
        await worker.ProcessDueEventsAsync(None);

        var afterFailure = await _inbox.GetStatisticsAsync(None);
        _clock.Advance(TimeSpan.FromMinutes(1));
        await worker.ProcessDueEventsAsync(None);

        afterFailure.Pending.ShouldBe(1);
        processor.Handled.ShouldBe([(TestEvents.Id(1), 2)]);
    }

    [Fact]
    public async Task EventThatAlwaysFailsIsDeadLetteredAfterMaxAttempts()
    {
        var processor = RecordingProcessor.AlwaysFailing();
        var worker = CreateWorker(processor);
        await _inbox.EnqueueAsync([TestEvents.Message(TestEvents.Id(1))], None);

        for (var round = 0; round < _options.MaxAttempts + 3; round++)
        {
            await worker.ProcessDueEventsAsync(None);
            _clock.Advance(_options.RetryMaxDelay);
        }

        processor.Calls.Select(call => call.Attempt).ShouldBe([1, 2, 3, 4]);
        var deadLetter = (await _inbox.GetDeadLettersAsync(10, None)).ShouldHaveSingleItem();
        deadLetter.Attempts.ShouldBe(_options.MaxAttempts);
        deadLetter.LastError.ShouldNotBeNull().ShouldContain("The handler is broken.");
    }

    [Fact]
    public async Task EventWhoseLeasesKeepExpiringIsDeadLetteredWithoutAnotherAttempt()
    {
        var processor = RecordingProcessor.Succeeding();
        var worker = CreateWorker(processor);
        await _inbox.EnqueueAsync([TestEvents.Message(TestEvents.Id(1))], None);
        for (var crash = 0; crash < _options.MaxAttempts; crash++)
        {
            await _inbox.LeaseAsync(1, _options.LeaseDuration, None);
            _clock.Advance(_options.LeaseDuration);
        }

        await worker.ProcessDueEventsAsync(None);

        processor.Calls.ShouldBeEmpty();
        var deadLetter = (await _inbox.GetDeadLettersAsync(10, None)).ShouldHaveSingleItem();
        deadLetter.LastError.ShouldNotBeNull().ShouldContain($"{_options.MaxAttempts} leases expired unfinished");
    }

    [Fact]
    public async Task BatchIsHandledWithTheConfiguredParallelism()
    {
        _options.MaxDegreeOfParallelism = 3;
        int running = 0, mostRunningAtOnce = 0;
        var allStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var processor = new RecordingProcessor(async (_, _) =>
        {
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref mostRunningAtOnce, now);
            if (now == 3)
            {
                allStarted.TrySetResult();
            }

            await allStarted.Task.WaitAsync(Hang);
            Interlocked.Decrement(ref running);
        });
        var worker = CreateWorker(processor);
        await _inbox.EnqueueAsync(Enumerable.Range(1, 6).Select(i => TestEvents.Message(TestEvents.Id(i))).ToList(), None);

        await worker.ProcessDueEventsAsync(None);

        processor.Handled.Count.ShouldBe(6);
        mostRunningAtOnce.ShouldBe(3);
    }

    [Fact]
    public async Task EnqueueNotificationWakesTheWorkerWithoutWaitingForThePollInterval()
    {
        var handled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var processor = new RecordingProcessor((_, _) =>
        {
            handled.TrySetResult();
            return ValueTask.CompletedTask;
        });
        using var worker = CreateWorker(processor);
        await worker.StartAsync(None);
        await _clock.WaitForScheduledTimerAsync().WaitAsync(Hang);

        await _inbox.EnqueueAsync([TestEvents.Message(TestEvents.Id(1))], None);
        _signal.NotifyEnqueued();

        await handled.Task.WaitAsync(Hang);
        await worker.StopAsync(None);
        processor.Handled.ShouldBe([(TestEvents.Id(1), 1)]);
    }

    [Fact]
    public async Task WorkerPollsForDueRetriesWhenNothingWakesIt()
    {
        _options.RetryBaseDelay = TimeSpan.FromSeconds(30);
        _options.RetryMaxDelay = TimeSpan.FromSeconds(30);
        var handled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var processor = new RecordingProcessor((entry, _) =>
        {
            if (entry.Attempt == 1)
            {
                throw new InvalidOperationException("Transient failure.");
            }

            handled.TrySetResult();
            return ValueTask.CompletedTask;
        });
        using var worker = CreateWorker(processor);
        await _inbox.EnqueueAsync([TestEvents.Message(TestEvents.Id(1))], None);
        await worker.StartAsync(None);

        while (!handled.Task.IsCompleted)
        {
            await _clock.WaitForScheduledTimerAsync().WaitAsync(Hang);
            _clock.Advance(_options.PollInterval);
        }

        await worker.StopAsync(None);
        processor.Handled.ShouldBe([(TestEvents.Id(1), 2)]);
    }

    [Fact]
    public async Task EventCancelledByShutdownIsReleasedWithoutCountingAsAFailure()
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var processor = new RecordingProcessor(async (_, cancellationToken) =>
        {
            started.TrySetResult();
            await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
        });
        using var worker = CreateWorker(processor);
        await _inbox.EnqueueAsync([TestEvents.Message(TestEvents.Id(1))], None);
        await worker.StartAsync(None);
        await started.Task.WaitAsync(Hang);

        await worker.StopAsync(None);

        (await _inbox.GetDeadLettersAsync(10, None)).ShouldBeEmpty();
        var next = (await _inbox.LeaseAsync(10, _options.LeaseDuration, None)).ShouldHaveSingleItem();
        next.Attempt.ShouldBe(1);
        next.LastError.ShouldBeNull();
    }

    [Fact]
    public async Task LeaseRenewalThatThrowsNeitherFailsTheHandlerNorStopsTheNextRenewals()
    {
        _options.LeaseDuration = TimeSpan.FromSeconds(30);
        var logger = new CapturingLogger<LineWebhookInboxWorker>();
        var inbox = new RenewalRecordingInbox(_inbox, _ => throw new InvalidOperationException("The store is unreachable."));
        (var processor, var started, var finish) = SlowProcessor();
        LineWebhookInboxWorker worker = new(inbox, processor, _signal, Options.Create(_options), logger, _clock);
        await _inbox.EnqueueAsync([TestEvents.Message(TestEvents.Id(1))], None);

        var handling = worker.ProcessDueEventsAsync(None);
        await started.Task.WaitAsync(Hang);
        for (var tick = 0; tick < 3; tick++)
        {
            _clock.Advance(_options.LeaseDuration / 3);
            (await inbox.NextRenewalAsync().WaitAsync(Hang)).ShouldBe(RenewalOutcome.Threw);
        }

        finish.SetResult();
        (await handling.WaitAsync(Hang)).ShouldBe(1);

        processor.Handled.ShouldBe([(TestEvents.Id(1), 1)]);
        (await _inbox.GetStatisticsAsync(None)).ShouldBe(new LineInboxStatistics(0, 0, 1, 0, null));
        logger.Entries.Count(entry => entry.StartsWith("Warning: Could not renew the lease", StringComparison.Ordinal))
            .ShouldBe(3);
        (await worker.ProcessDueEventsAsync(None)).ShouldBe(0);
    }

    [Fact]
    public async Task StoreWithoutLeaseRenewalStillCompletesASlowHandlersEventAndSaysOnceThatItWasNotRenewed()
    {
        _options.LeaseDuration = TimeSpan.FromSeconds(30);
        var logger = new CapturingLogger<LineWebhookInboxWorker>();
        var storeWithoutRenewal = new DelegatingWebhookInbox(_inbox);
        (var processor, var started, var finish) = SlowProcessor();
        LineWebhookInboxWorker worker = new(storeWithoutRenewal, processor, _signal, Options.Create(_options), logger, _clock);
        await _inbox.EnqueueAsync([TestEvents.Message(TestEvents.Id(1))], None);

        var handling = worker.ProcessDueEventsAsync(None);
        await started.Task.WaitAsync(Hang);
        _clock.Advance(_options.LeaseDuration / 3);
        await logger.WaitForEntryAsync(entry => entry.Contains("was not renewed", StringComparison.Ordinal)).WaitAsync(Hang);
        for (var tick = 0; tick < 3; tick++)
        {
            _clock.Advance(_options.LeaseDuration / 3);
        }

        var leasedAgainAsBefore = (await _inbox.LeaseAsync(10, _options.LeaseDuration, None)).ShouldHaveSingleItem();
        finish.SetResult();
        (await handling.WaitAsync(Hang)).ShouldBe(1);

        leasedAgainAsBefore.Attempt.ShouldBe(2);
        processor.Handled.ShouldBe([(TestEvents.Id(1), 1)]);
        (await _inbox.GetStatisticsAsync(None)).ShouldBe(new LineInboxStatistics(0, 0, 1, 0, null));
        logger.Entries.Count(entry => entry.Contains("was not renewed", StringComparison.Ordinal)).ShouldBe(1);
    }

    [Fact]
    public async Task ShutdownCancelsASlowHandlerAndStopsRenewingItsLease()
    {
        _options.LeaseDuration = TimeSpan.FromSeconds(30);
        var inbox = new RenewalRecordingInbox(_inbox);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var processor = new RecordingProcessor(async (_, cancellationToken) =>
        {
            started.TrySetResult();
            await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
        });
        using LineWebhookInboxWorker worker = new(
            inbox, processor, _signal, Options.Create(_options), NullLogger<LineWebhookInboxWorker>.Instance, _clock);
        await _inbox.EnqueueAsync([TestEvents.Message(TestEvents.Id(1))], None);
        await worker.StartAsync(None);
        await started.Task.WaitAsync(Hang);
        _clock.Advance(_options.LeaseDuration / 3);
        (await inbox.NextRenewalAsync().WaitAsync(Hang)).ShouldBe(RenewalOutcome.Renewed);

        await worker.StopAsync(None).WaitAsync(Hang);
        var renewalsAtShutdown = inbox.Calls;
        _clock.Advance(_options.LeaseDuration);

        inbox.Calls.ShouldBe(renewalsAtShutdown);
        var next = (await _inbox.LeaseAsync(10, _options.LeaseDuration, None)).ShouldHaveSingleItem();
        next.Attempt.ShouldBe(1);
    }

    [Fact]
    public async Task LogsNeverContainTheEventBody()
    {
        var logger = new CapturingLogger<LineWebhookInboxWorker>();
        _options.MaxAttempts = 2;
        var worker = CreateWorker(RecordingProcessor.AlwaysFailing(), logger);
        await _inbox.EnqueueAsync([TestEvents.Message(TestEvents.Id(1))], None);

        for (var round = 0; round < 3; round++)
        {
            await worker.ProcessDueEventsAsync(None);
            _clock.Advance(_options.RetryMaxDelay);
        }

        logger.Entries.ShouldNotBeEmpty();
        logger.Entries.ShouldAllBe(entry => entry.Contains(TestEvents.Id(1)));
        logger.Entries.ShouldAllBe(entry => !entry.Contains(TestEvents.PrivateUserText));
    }

    /// <summary>A processor that signals when it starts and finishes only when the test says so.</summary>
    private static (RecordingProcessor Processor, TaskCompletionSource Started, TaskCompletionSource Finish) SlowProcessor()
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var finish = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var processor = new RecordingProcessor(async (_, _) =>
        {
            started.TrySetResult();
            await finish.Task;
        });
        return (processor, started, finish);
    }

    private LineWebhookInboxWorker CreateWorker(ILineInboxEventProcessor processor, ILogger<LineWebhookInboxWorker>? logger = null) =>
        new(_inbox, processor, _signal, Options.Create(_options), logger ?? NullLogger<LineWebhookInboxWorker>.Instance, _clock);

    private static void InterlockedMax(ref int location, int value)
    {
        int current;
        while ((current = Volatile.Read(ref location)) < value
            && Interlocked.CompareExchange(ref location, value, current) != current)
        {
        }
    }
}
