using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ModuleGen.Line.Inbox;
using ModuleGen.Line.Inbox.Tests.Infrastructure;
using ModuleGen.Tests.Shared;
using Shouldly;
using Xunit;

namespace ModuleGen.Line.Inbox.Tests;

/// <summary>
/// What every <see cref="ILineWebhookInbox"/> must do. Each store runs this same suite through a subclass, so the stores
/// cannot drift apart.
/// </summary>
public abstract class WebhookInboxContractTests : IDisposable
{
    private static readonly TimeSpan LeaseDuration = TimeSpan.FromMinutes(5);
    private static readonly CancellationToken None = CancellationToken.None;

    private readonly Lazy<ILineWebhookInbox> _inbox;

    protected WebhookInboxContractTests()
    {
        _inbox = new Lazy<ILineWebhookInbox>(() => CreateInbox(Clock));
    }

    private protected ManualTimeProvider Clock { get; } = new();

    private ILineWebhookInbox Inbox => _inbox.Value;

    public virtual void Dispose()
    {
        if (_inbox.IsValueCreated && _inbox.Value is IDisposable disposable)
        {
            disposable.Dispose();
        }

        GC.SuppressFinalize(this);
    }

    private protected abstract ILineWebhookInbox CreateInbox(TimeProvider clock);

    [Fact]
    public async Task EnqueuedEventIsLeasedWithItsRawJson()
    {
        var sent = TestEvents.Message(TestEvents.Id(1), isRedelivery: true, timestamp: 1751371234567);

        var result = await Inbox.EnqueueAsync([sent], None);
        var leased = await Inbox.LeaseAsync(10, LeaseDuration, None);

        result.Outcomes.ShouldBe([new LineInboxEnqueueOutcome(sent.WebhookEventId, IsDuplicate: false)]);
        var entry = leased.ShouldHaveSingleItem();
        entry.Event.WebhookEventId.ShouldBe(sent.WebhookEventId);
        entry.Event.Destination.ShouldBe(sent.Destination);
        entry.Event.EventType.ShouldBe("message");
        entry.Event.Timestamp.ShouldBe(1751371234567);
        entry.Event.IsRedelivery.ShouldBeTrue();
        entry.Event.EventJson.ToArray().ShouldBe(sent.EventJson.ToArray());
        entry.Attempt.ShouldBe(1);
        entry.FirstReceivedAt.ShouldBe(ManualTimeProvider.DefaultStart);
        entry.LeasedUntil.ShouldBe(ManualTimeProvider.DefaultStart + LeaseDuration);
        entry.LastError.ShouldBeNull();
    }

    [Fact]
    public async Task EmptyBatchStoresNothing()
    {
        var result = await Inbox.EnqueueAsync([], None);

        result.Outcomes.ShouldBeEmpty();
        (await Inbox.LeaseAsync(10, LeaseDuration, None)).ShouldBeEmpty();
    }

    [Fact]
    public async Task DuplicateInTheSameBatchIsStoredOnce()
    {
        var id = TestEvents.Id(1);

        var result = await Inbox.EnqueueAsync(
            [TestEvents.Message(id), TestEvents.Message(TestEvents.Id(2)), TestEvents.Message(id)], None);

        result.Outcomes.Select(outcome => outcome.IsDuplicate).ShouldBe([false, false, true]);
        result.StoredCount.ShouldBe(2);
        result.DuplicateCount.ShouldBe(1);
        (await Inbox.LeaseAsync(10, LeaseDuration, None)).Select(entry => entry.Event.WebhookEventId)
            .ShouldBe([id, TestEvents.Id(2)]);
    }

    [Fact]
    public async Task RedeliveryOfAPendingEventIsADuplicate()
    {
        var id = TestEvents.Id(1);
        await Inbox.EnqueueAsync([TestEvents.Message(id)], None);

        var redelivery = await Inbox.EnqueueAsync([TestEvents.Message(id, isRedelivery: true)], None);

        redelivery.Outcomes.ShouldBe([new LineInboxEnqueueOutcome(id, IsDuplicate: true)]);
        var entry = (await Inbox.LeaseAsync(10, LeaseDuration, None)).ShouldHaveSingleItem();
        entry.Event.IsRedelivery.ShouldBeFalse();
    }

    [Fact]
    public async Task RedeliveryOfACompletedEventIsStillADuplicate()
    {
        var id = TestEvents.Id(1);
        await Inbox.EnqueueAsync([TestEvents.Message(id)], None);
        await Inbox.CompleteAsync((await Inbox.LeaseAsync(1, LeaseDuration, None))[0], None);
        Clock.Advance(TimeSpan.FromDays(6));

        var redelivery = await Inbox.EnqueueAsync([TestEvents.Message(id, isRedelivery: true)], None);

        redelivery.Outcomes.ShouldBe([new LineInboxEnqueueOutcome(id, IsDuplicate: true)]);
        (await Inbox.LeaseAsync(10, LeaseDuration, None)).ShouldBeEmpty();
    }

    [Fact]
    public async Task RedeliveryOfADeadLetteredEventIsStillADuplicate()
    {
        var id = TestEvents.Id(1);
        await Inbox.EnqueueAsync([TestEvents.Message(id)], None);
        await Inbox.FailAsync((await Inbox.LeaseAsync(1, LeaseDuration, None))[0], "broken", retryAt: null, None);

        var redelivery = await Inbox.EnqueueAsync([TestEvents.Message(id, isRedelivery: true)], None);

        redelivery.Outcomes.ShouldBe([new LineInboxEnqueueOutcome(id, IsDuplicate: true)]);
        (await Inbox.GetDeadLettersAsync(10, None)).ShouldHaveSingleItem().Event.IsRedelivery.ShouldBeFalse();
    }

    [Fact]
    public async Task LeaseTakesAtMostTheRequestedNumberOldestFirst()
    {
        await Inbox.EnqueueAsync([TestEvents.Message(TestEvents.Id(1)), TestEvents.Message(TestEvents.Id(2))], None);
        Clock.Advance(TimeSpan.FromMilliseconds(1));
        await Inbox.EnqueueAsync([TestEvents.Message(TestEvents.Id(3)), TestEvents.Message(TestEvents.Id(4))], None);

        var first = await Inbox.LeaseAsync(3, LeaseDuration, None);
        var rest = await Inbox.LeaseAsync(3, LeaseDuration, None);

        first.Select(entry => entry.Event.WebhookEventId).ShouldBe([TestEvents.Id(1), TestEvents.Id(2), TestEvents.Id(3)]);
        rest.Select(entry => entry.Event.WebhookEventId).ShouldBe([TestEvents.Id(4)]);
    }

    [Fact]
    public async Task LeasedEventIsNotLeasedAgainWhileItsLeaseLasts()
    {
        await Inbox.EnqueueAsync([TestEvents.Message(TestEvents.Id(1))], None);
        await Inbox.LeaseAsync(10, LeaseDuration, None);
        Clock.Advance(LeaseDuration - TimeSpan.FromMilliseconds(1));

        (await Inbox.LeaseAsync(10, LeaseDuration, None)).ShouldBeEmpty();
    }

    [Fact]
    public async Task ExpiredLeaseIsLeasedAgainAsTheNextAttempt()
    {
        await Inbox.EnqueueAsync([TestEvents.Message(TestEvents.Id(1))], None);
        var abandoned = (await Inbox.LeaseAsync(10, LeaseDuration, None))[0];
        Clock.Advance(LeaseDuration);

        var recovered = (await Inbox.LeaseAsync(10, LeaseDuration, None)).ShouldHaveSingleItem();

        recovered.Event.WebhookEventId.ShouldBe(TestEvents.Id(1));
        recovered.Attempt.ShouldBe(2);
        recovered.LeaseToken.ShouldNotBe(abandoned.LeaseToken);
        recovered.FirstReceivedAt.ShouldBe(ManualTimeProvider.DefaultStart);
    }

    [Fact]
    public async Task FailedEventIsLeasedAgainOnlyOnceItsRetryTimeHasCome()
    {
        await Inbox.EnqueueAsync([TestEvents.Message(TestEvents.Id(1))], None);
        var failed = (await Inbox.LeaseAsync(10, LeaseDuration, None))[0];
        await Inbox.FailAsync(failed, "timeout calling the CRM", Clock.GetUtcNow().AddSeconds(10), None);

        Clock.Advance(TimeSpan.FromSeconds(10) - TimeSpan.FromMilliseconds(1));
        var beforeRetryTime = await Inbox.LeaseAsync(10, LeaseDuration, None);
        Clock.Advance(TimeSpan.FromMilliseconds(1));
        var atRetryTime = await Inbox.LeaseAsync(10, LeaseDuration, None);

        beforeRetryTime.ShouldBeEmpty();
        var retried = atRetryTime.ShouldHaveSingleItem();
        retried.Attempt.ShouldBe(2);
        retried.LastError.ShouldBe("timeout calling the CRM");
    }

    [Fact]
    public async Task FailureWithoutRetryTimeDeadLettersTheEvent()
    {
        var sent = TestEvents.Message(TestEvents.Id(1));
        await Inbox.EnqueueAsync([sent], None);
        var failed = (await Inbox.LeaseAsync(10, LeaseDuration, None))[0];
        Clock.Advance(TimeSpan.FromSeconds(3));

        await Inbox.FailAsync(failed, "handler bug", retryAt: null, None);
        Clock.Advance(TimeSpan.FromDays(1));

        (await Inbox.LeaseAsync(10, LeaseDuration, None)).ShouldBeEmpty();
        var deadLetter = (await Inbox.GetDeadLettersAsync(10, None)).ShouldHaveSingleItem();
        deadLetter.Event.WebhookEventId.ShouldBe(sent.WebhookEventId);
        deadLetter.Event.EventJson.ToArray().ShouldBe(sent.EventJson.ToArray());
        deadLetter.Attempts.ShouldBe(1);
        deadLetter.LastError.ShouldBe("handler bug");
        deadLetter.FirstReceivedAt.ShouldBe(ManualTimeProvider.DefaultStart);
        deadLetter.DeadLetteredAt.ShouldBe(ManualTimeProvider.DefaultStart.AddSeconds(3));
    }

    [Fact]
    public async Task DeadLettersAreListedMostRecentFirst()
    {
        await Inbox.EnqueueAsync([TestEvents.Message(TestEvents.Id(1)), TestEvents.Message(TestEvents.Id(2))], None);
        var leased = await Inbox.LeaseAsync(10, LeaseDuration, None);
        await Inbox.FailAsync(leased[0], "first", retryAt: null, None);
        Clock.Advance(TimeSpan.FromSeconds(1));
        await Inbox.FailAsync(leased[1], "second", retryAt: null, None);

        (await Inbox.GetDeadLettersAsync(10, None)).Select(deadLetter => deadLetter.LastError).ShouldBe(["second", "first"]);
        (await Inbox.GetDeadLettersAsync(1, None)).Select(deadLetter => deadLetter.LastError).ShouldBe(["second"]);
    }

    [Fact]
    public async Task RequeuedDeadLetterIsLeasedAgainWithItsAttemptsReset()
    {
        var id = TestEvents.Id(1);
        await Inbox.EnqueueAsync([TestEvents.Message(id)], None);
        await Inbox.FailAsync((await Inbox.LeaseAsync(10, LeaseDuration, None))[0], "handler bug", retryAt: null, None);

        var requeued = await Inbox.RequeueDeadLetterAsync(id, None);

        requeued.ShouldBeTrue();
        (await Inbox.GetDeadLettersAsync(10, None)).ShouldBeEmpty();
        var replayed = (await Inbox.LeaseAsync(10, LeaseDuration, None)).ShouldHaveSingleItem();
        replayed.Attempt.ShouldBe(1);
        replayed.LastError.ShouldBe("handler bug");
    }

    [Fact]
    public async Task DeadLetterCanBeInspectedByItsIdAndOnlyWhileDeadLettered()
    {
        var sent = TestEvents.Message(TestEvents.Id(1));
        await Inbox.EnqueueAsync([sent, TestEvents.Message(TestEvents.Id(2))], None);
        await Inbox.FailAsync((await Inbox.LeaseAsync(1, LeaseDuration, None))[0], "handler bug", retryAt: null, None);

        var inspected = await Inbox.GetDeadLetterAsync(sent.WebhookEventId, None);

        inspected.ShouldNotBeNull();
        inspected.Event.EventJson.ToArray().ShouldBe(sent.EventJson.ToArray());
        inspected.LastError.ShouldBe("handler bug");
        inspected.Attempts.ShouldBe(1);
        (await Inbox.GetDeadLetterAsync(TestEvents.Id(2), None)).ShouldBeNull();
        (await Inbox.GetDeadLetterAsync(TestEvents.Id(3), None)).ShouldBeNull();
        await Inbox.RequeueDeadLetterAsync(sent.WebhookEventId, None);
        (await Inbox.GetDeadLetterAsync(sent.WebhookEventId, None)).ShouldBeNull();
    }

    [Fact]
    public async Task DeadLetterPurgeDeletesOnlyDeadLettersOlderThanTheCutoff()
    {
        await Inbox.EnqueueAsync([TestEvents.Message(TestEvents.Id(1)), TestEvents.Message(TestEvents.Id(2))], None);
        var leased = await Inbox.LeaseAsync(2, LeaseDuration, None);
        await Inbox.FailAsync(leased[0], "old", retryAt: null, None);
        Clock.Advance(TimeSpan.FromDays(10));
        await Inbox.FailAsync(leased[1], "recent", retryAt: null, None);
        await Inbox.EnqueueAsync([TestEvents.Message(TestEvents.Id(3))], None);
        await Inbox.CompleteAsync((await Inbox.LeaseAsync(1, LeaseDuration, None))[0], None);
        Clock.Advance(TimeSpan.FromDays(10));

        var purged = await Inbox.PurgeDeadLettersAsync(Clock.GetUtcNow() - TimeSpan.FromDays(15), None);

        purged.ShouldBe(1);
        (await Inbox.GetDeadLettersAsync(10, None)).Select(deadLetter => deadLetter.LastError).ShouldBe(["recent"]);
        (await Inbox.GetStatisticsAsync(None)).Completed.ShouldBe(1);
    }

    [Fact]
    public async Task DestinationPurgeDeletesThatDestinationsEventsInEveryStateAndNothingElse()
    {
        var other = TestEvents.OtherDestination;
        await Inbox.EnqueueAsync(
            [TestEvents.Message(TestEvents.Id(1)), TestEvents.Message(TestEvents.Id(2)), TestEvents.Message(TestEvents.Id(3)),
             TestEvents.Message(TestEvents.Id(4), destination: other)],
            None);
        var leased = await Inbox.LeaseAsync(2, LeaseDuration, None);
        await Inbox.CompleteAsync(leased[0], None);
        await Inbox.FailAsync(leased[1], "handler bug", retryAt: null, None);

        var purged = await Inbox.PurgeDestinationAsync(TestEvents.Destination, None);

        purged.ShouldBe(3);
        (await Inbox.GetStatisticsAsync(None)).ShouldBe(new LineInboxStatistics(1, 0, 0, 0, ManualTimeProvider.DefaultStart));
        (await Inbox.LeaseAsync(10, LeaseDuration, None)).ShouldHaveSingleItem().Event.Destination.ShouldBe(other);
    }

    [Fact]
    public async Task RequeueOfAnEventThatIsNotDeadLetteredReturnsFalse()
    {
        await Inbox.EnqueueAsync([TestEvents.Message(TestEvents.Id(1))], None);

        (await Inbox.RequeueDeadLetterAsync(TestEvents.Id(1), None)).ShouldBeFalse();
        (await Inbox.RequeueDeadLetterAsync(TestEvents.Id(2), None)).ShouldBeFalse();
    }

    [Fact]
    public async Task ReleasedEventIsDueAtOnceWithoutCountingTheAttempt()
    {
        await Inbox.EnqueueAsync([TestEvents.Message(TestEvents.Id(1))], None);
        var interrupted = (await Inbox.LeaseAsync(10, LeaseDuration, None))[0];

        await Inbox.ReleaseAsync(interrupted, None);

        var again = (await Inbox.LeaseAsync(10, LeaseDuration, None)).ShouldHaveSingleItem();
        again.Attempt.ShouldBe(1);
        again.LastError.ShouldBeNull();
    }

    [Fact]
    public async Task OutcomeFromAnExpiredLeaseDoesNotOverrideTheCurrentLease()
    {
        await Inbox.EnqueueAsync([TestEvents.Message(TestEvents.Id(1))], None);
        var stale = (await Inbox.LeaseAsync(10, LeaseDuration, None))[0];
        Clock.Advance(LeaseDuration);
        var current = (await Inbox.LeaseAsync(10, LeaseDuration, None))[0];

        await Inbox.FailAsync(stale, "late failure", retryAt: null, None);
        await Inbox.ReleaseAsync(stale, None);

        (await Inbox.GetDeadLettersAsync(10, None)).ShouldBeEmpty();
        (await Inbox.LeaseAsync(10, LeaseDuration, None)).ShouldBeEmpty();
        await Inbox.CompleteAsync(current, None);
        (await Inbox.GetStatisticsAsync(None)).Completed.ShouldBe(1);
    }

    [Fact]
    public async Task CompletionAfterTheLeaseExpiredStillCompletesTheEvent()
    {
        await Inbox.EnqueueAsync([TestEvents.Message(TestEvents.Id(1))], None);
        var slow = (await Inbox.LeaseAsync(10, LeaseDuration, None))[0];
        Clock.Advance(LeaseDuration + TimeSpan.FromMinutes(1));

        await Inbox.CompleteAsync(slow, None);

        (await Inbox.LeaseAsync(10, LeaseDuration, None)).ShouldBeEmpty();
        (await Inbox.GetStatisticsAsync(None)).Completed.ShouldBe(1);
    }

    [Fact]
    public async Task RenewedLeaseLastsFromTheRenewalWithoutCountingAnotherAttempt()
    {
        await Inbox.EnqueueAsync([TestEvents.Message(TestEvents.Id(1))], None);
        var held = (await Inbox.LeaseAsync(10, LeaseDuration, None))[0];
        Clock.Advance(TimeSpan.FromMinutes(4));

        var renewed = await Inbox.RenewLeaseAsync(held, LeaseDuration, None);
        Clock.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromMilliseconds(1));
        var pastTheFirstDeadline = await Inbox.GetStatisticsAsync(None);
        var beforeTheRenewedDeadline = await Inbox.LeaseAsync(10, LeaseDuration, None);
        Clock.Advance(TimeSpan.FromMilliseconds(1));
        var atTheRenewedDeadline = await Inbox.LeaseAsync(10, LeaseDuration, None);

        renewed.ShouldBeTrue();
        pastTheFirstDeadline.InFlight.ShouldBe(1);
        beforeTheRenewedDeadline.ShouldBeEmpty();
        var next = atTheRenewedDeadline.ShouldHaveSingleItem();
        next.Attempt.ShouldBe(2);
        next.LeaseToken.ShouldNotBe(held.LeaseToken);
    }

    [Fact]
    public async Task RenewalNeverShortensALease()
    {
        await Inbox.EnqueueAsync([TestEvents.Message(TestEvents.Id(1))], None);
        var held = (await Inbox.LeaseAsync(10, LeaseDuration, None))[0];

        var renewed = await Inbox.RenewLeaseAsync(held, TimeSpan.FromMinutes(1), None);
        Clock.Advance(LeaseDuration - TimeSpan.FromMilliseconds(1));

        renewed.ShouldBeTrue();
        (await Inbox.LeaseAsync(10, LeaseDuration, None)).ShouldBeEmpty();
    }

    [Fact]
    public async Task ExpiredLeaseThatNobodyTookIsStillRenewedByItsHolder()
    {
        await Inbox.EnqueueAsync([TestEvents.Message(TestEvents.Id(1))], None);
        var held = (await Inbox.LeaseAsync(10, LeaseDuration, None))[0];
        Clock.Advance(LeaseDuration + TimeSpan.FromMinutes(1));

        var renewed = await Inbox.RenewLeaseAsync(held, LeaseDuration, None);

        renewed.ShouldBeTrue();
        (await Inbox.LeaseAsync(10, LeaseDuration, None)).ShouldBeEmpty();
        (await Inbox.GetStatisticsAsync(None)).InFlight.ShouldBe(1);
    }

    [Fact]
    public async Task RenewalWithAStaleLeaseReturnsFalseAndLeavesTheCurrentLeaseAlone()
    {
        await Inbox.EnqueueAsync([TestEvents.Message(TestEvents.Id(1))], None);
        var stale = (await Inbox.LeaseAsync(10, LeaseDuration, None))[0];
        Clock.Advance(LeaseDuration);
        var current = (await Inbox.LeaseAsync(10, LeaseDuration, None))[0];

        var renewed = await Inbox.RenewLeaseAsync(stale, TimeSpan.FromDays(1), None);
        Clock.Advance(LeaseDuration);

        renewed.ShouldBeFalse();
        var afterTheCurrentLeaseExpired = (await Inbox.LeaseAsync(10, LeaseDuration, None)).ShouldHaveSingleItem();
        afterTheCurrentLeaseExpired.Attempt.ShouldBe(3);
        afterTheCurrentLeaseExpired.LeaseToken.ShouldNotBe(current.LeaseToken);
    }

    [Fact]
    public async Task RenewalOfACompletedEventReturnsFalseAndLeavesItCompleted()
    {
        await Inbox.EnqueueAsync([TestEvents.Message(TestEvents.Id(1))], None);
        var entry = (await Inbox.LeaseAsync(10, LeaseDuration, None))[0];
        await Inbox.CompleteAsync(entry, None);

        var renewed = await Inbox.RenewLeaseAsync(entry, LeaseDuration, None);

        renewed.ShouldBeFalse();
        (await Inbox.GetStatisticsAsync(None)).ShouldBe(new LineInboxStatistics(0, 0, 1, 0, null));
    }

    [Fact]
    public async Task RenewalAfterAFailureReturnsFalseAndKeepsTheRetryTime()
    {
        await Inbox.EnqueueAsync([TestEvents.Message(TestEvents.Id(1))], None);
        var failed = (await Inbox.LeaseAsync(10, LeaseDuration, None))[0];
        await Inbox.FailAsync(failed, "timeout calling the CRM", Clock.GetUtcNow().AddSeconds(10), None);

        var renewed = await Inbox.RenewLeaseAsync(failed, LeaseDuration, None);
        Clock.Advance(TimeSpan.FromSeconds(10));

        renewed.ShouldBeFalse();
        var retried = (await Inbox.LeaseAsync(10, LeaseDuration, None)).ShouldHaveSingleItem();
        retried.Attempt.ShouldBe(2);
        retried.LastError.ShouldBe("timeout calling the CRM");
    }

    [Fact]
    public async Task RenewalAfterAReleaseReturnsFalseAndKeepsTheEventDue()
    {
        await Inbox.EnqueueAsync([TestEvents.Message(TestEvents.Id(1))], None);
        var released = (await Inbox.LeaseAsync(10, LeaseDuration, None))[0];
        await Inbox.ReleaseAsync(released, None);

        var renewed = await Inbox.RenewLeaseAsync(released, LeaseDuration, None);

        renewed.ShouldBeFalse();
        (await Inbox.LeaseAsync(10, LeaseDuration, None)).ShouldHaveSingleItem().Attempt.ShouldBe(1);
    }

    [Fact]
    public async Task RenewalOfADeadLetteredEventReturnsFalseAndLeavesItDeadLettered()
    {
        await Inbox.EnqueueAsync([TestEvents.Message(TestEvents.Id(1))], None);
        var entry = (await Inbox.LeaseAsync(10, LeaseDuration, None))[0];
        await Inbox.FailAsync(entry, "handler bug", retryAt: null, None);

        var renewed = await Inbox.RenewLeaseAsync(entry, LeaseDuration, None);

        renewed.ShouldBeFalse();
        (await Inbox.GetStatisticsAsync(None)).ShouldBe(new LineInboxStatistics(0, 0, 0, 1, null));
    }

    [Fact]
    public async Task PurgeDeletesOnlyCompletedEventsOlderThanTheCutoff()
    {
        var retention = TimeSpan.FromDays(7);
        await Inbox.EnqueueAsync([TestEvents.Message(TestEvents.Id(1))], None);
        await Inbox.CompleteAsync((await Inbox.LeaseAsync(1, LeaseDuration, None))[0], None);
        Clock.Advance(TimeSpan.FromDays(8));
        await Inbox.EnqueueAsync(
            [TestEvents.Message(TestEvents.Id(2)), TestEvents.Message(TestEvents.Id(3)), TestEvents.Message(TestEvents.Id(4))],
            None);
        var leased = await Inbox.LeaseAsync(2, LeaseDuration, None);
        await Inbox.CompleteAsync(leased[0], None);
        await Inbox.FailAsync(leased[1], "handler bug", retryAt: null, None);

        var purged = await Inbox.PurgeCompletedAsync(Clock.GetUtcNow() - retention, None);

        purged.ShouldBe(1);
        var redeliveries = await Inbox.EnqueueAsync(
            [TestEvents.Message(TestEvents.Id(1)), TestEvents.Message(TestEvents.Id(2)),
             TestEvents.Message(TestEvents.Id(3)), TestEvents.Message(TestEvents.Id(4))],
            None);
        redeliveries.Outcomes.Select(outcome => outcome.IsDuplicate).ShouldBe([false, true, true, true]);
    }

    [Fact]
    public async Task StatisticsCountEventsByState()
    {
        await Inbox.EnqueueAsync([TestEvents.Message(TestEvents.Id(1))], None);
        Clock.Advance(TimeSpan.FromSeconds(1));
        await Inbox.EnqueueAsync(
            [TestEvents.Message(TestEvents.Id(2)), TestEvents.Message(TestEvents.Id(3)),
             TestEvents.Message(TestEvents.Id(4)), TestEvents.Message(TestEvents.Id(5))],
            None);
        var leased = await Inbox.LeaseAsync(3, LeaseDuration, None);
        await Inbox.CompleteAsync(leased[1], None);
        await Inbox.FailAsync(leased[2], "handler bug", retryAt: null, None);

        var statistics = await Inbox.GetStatisticsAsync(None);

        statistics.ShouldBe(new LineInboxStatistics(
            Pending: 2, InFlight: 1, Completed: 1, DeadLettered: 1, OldestPendingReceivedAt: ManualTimeProvider.DefaultStart));
    }

    [Fact]
    public async Task StatisticsOfAnEmptyInboxAreZero()
    {
        (await Inbox.GetStatisticsAsync(None)).ShouldBe(new LineInboxStatistics(0, 0, 0, 0, null));
    }

    [Fact]
    public async Task ConcurrentCallersNeverLeaseTheSameEventTwice()
    {
        const int writers = 4, eventsPerWriter = 50;
        await Task.WhenAll(Enumerable.Range(0, writers).Select(writer => Task.Run(async () =>
        {
            for (var i = 0; i < eventsPerWriter; i++)
            {
                await Inbox.EnqueueAsync([TestEvents.Message(TestEvents.Id((writer * eventsPerWriter) + i))], None);
            }
        })));

        var leasedByEachReader = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            var leased = new List<LineInboxEntry>();
            IReadOnlyList<LineInboxEntry> batch;
            while ((batch = await Inbox.LeaseAsync(7, LeaseDuration, None)).Count > 0)
            {
                leased.AddRange(batch);
            }

            return leased.AsEnumerable();
        })));

        var ids = leasedByEachReader.SelectMany(entries => entries).Select(entry => entry.Event.WebhookEventId).ToList();
        ids.Count.ShouldBe(writers * eventsPerWriter);
        ids.ShouldBeUnique();
    }
}
