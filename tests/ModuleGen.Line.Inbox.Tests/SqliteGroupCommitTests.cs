using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;
using ModuleGen.Line.Inbox;
using ModuleGen.Line.Inbox.Sqlite;
using ModuleGen.Line.Inbox.Tests.Infrastructure;
using Shouldly;
using Xunit;

namespace ModuleGen.Line.Inbox.Tests;

/// <summary>Group commit: concurrent enqueues share one durable transaction, and share its failure.</summary>
public sealed class SqliteGroupCommitTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly TemporaryDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task BothConnectionsCommitWithSynchronousFull(bool workerConnection)
    {
        using var inbox = new SqliteLineWebhookInbox(new SqliteLineWebhookInboxOptions { DatabasePath = _database.Path });

        // 2 is FULL: each commit is on the disk (WAL fsynced) before it returns — the endpoint's before it answers 200,
        // the worker's before an outcome (completed, dead-lettered, requeued) counts. NORMAL (1) would still pass every
        // SIGKILL test and, on power loss, lose acknowledged events or undo an operator's requeue.
        (await inbox.ReadPragmaAsync("synchronous", CancellationToken.None, workerConnection)).ShouldBe(2L);
    }

    [Fact]
    public async Task EnqueuesArrivingDuringACommitShareTheNextTransaction()
    {
        using var inbox = new SqliteLineWebhookInbox(new SqliteLineWebhookInboxOptions { DatabasePath = _database.Path });
        using var firstCommitHeld = new ManualResetEventSlim();
        using var releaseFirstCommit = new ManualResetEventSlim();
        var groups = 0;
        inbox.BeforeGroupCommit = () =>
        {
            if (Interlocked.Increment(ref groups) == 1)
            {
                firstCommitHeld.Set();
                releaseFirstCommit.Wait(Patience).ShouldBeTrue();
            }
        };

        var first = inbox.EnqueueAsync([TestEvents.Message(TestEvents.Id(0))], CancellationToken.None).AsTask();
        firstCommitHeld.Wait(Patience).ShouldBeTrue();
        var later = Enumerable.Range(1, 19)
            .Select(i => inbox.EnqueueAsync([TestEvents.Message(TestEvents.Id(i)), TestEvents.Message(TestEvents.Id(100 + i))], CancellationToken.None).AsTask())
            .ToArray();
        await WaitUntilAsync(() => inbox.EnqueuesWaiting == 19);
        later.ShouldAllBe(task => !task.IsCompleted);
        releaseFirstCommit.Set();

        (await first).StoredCount.ShouldBe(1);
        foreach (var request in later)
        {
            var result = await request;
            result.StoredCount.ShouldBe(2);
            result.DuplicateCount.ShouldBe(0);
        }

        inbox.EnqueueCommits.ShouldBe(2);
        CountRows().ShouldBe(39);
    }

    [Fact]
    public async Task RequestsInTheSameGroupSeeEachOthersDuplicates()
    {
        using var inbox = new SqliteLineWebhookInbox(new SqliteLineWebhookInboxOptions { DatabasePath = _database.Path });
        using var releaseFirstCommit = new ManualResetEventSlim();
        var groups = 0;
        inbox.BeforeGroupCommit = () =>
        {
            if (Interlocked.Increment(ref groups) == 1)
            {
                releaseFirstCommit.Wait(Patience).ShouldBeTrue();
            }
        };

        var holder = inbox.EnqueueAsync([TestEvents.Message(TestEvents.Id(0))], CancellationToken.None).AsTask();
        await WaitUntilAsync(() => inbox.EnqueueCommits == 1);
        var original = inbox.EnqueueAsync([TestEvents.Message(TestEvents.Id(7))], CancellationToken.None).AsTask();
        var redelivery = inbox.EnqueueAsync([TestEvents.Message(TestEvents.Id(7))], CancellationToken.None).AsTask();
        await WaitUntilAsync(() => inbox.EnqueuesWaiting == 2);
        releaseFirstCommit.Set();
        await holder;

        (await original).StoredCount.ShouldBe(1);
        (await redelivery).DuplicateCount.ShouldBe(1);
        inbox.EnqueueCommits.ShouldBe(2);
    }

    [Fact]
    public async Task FailedGroupFailsEveryRequestInItAndStoresNoneOfTheirEvents()
    {
        using var inbox = new SqliteLineWebhookInbox(new SqliteLineWebhookInboxOptions { DatabasePath = _database.Path });
        using var releaseFirstCommit = new ManualResetEventSlim();
        var groups = 0;
        inbox.BeforeGroupCommit = () =>
        {
            switch (Interlocked.Increment(ref groups))
            {
                case 1:
                    releaseFirstCommit.Wait(Patience).ShouldBeTrue();
                    break;
                case 2:
                    throw new SqliteException("disk I/O error (injected)", 10);
            }
        };

        var holder = inbox.EnqueueAsync([TestEvents.Message(TestEvents.Id(0))], CancellationToken.None).AsTask();
        await WaitUntilAsync(() => inbox.EnqueueCommits == 1);
        var failing = Enumerable.Range(1, 5)
            .Select(i => inbox.EnqueueAsync([TestEvents.Message(TestEvents.Id(i))], CancellationToken.None).AsTask())
            .ToArray();
        await WaitUntilAsync(() => inbox.EnqueuesWaiting == 5);
        releaseFirstCommit.Set();

        (await holder).StoredCount.ShouldBe(1);
        foreach (var request in failing)
        {
            (await Should.ThrowAsync<SqliteException>(request)).SqliteErrorCode.ShouldBe(10);
        }

        CountRows().ShouldBe(1);
        (await inbox.EnqueueAsync([TestEvents.Message(TestEvents.Id(1))], CancellationToken.None)).StoredCount.ShouldBe(1);
    }

    private long CountRows()
    {
        using var connection = new SqliteConnection($"Data Source={_database.Path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM inbox_events;";
        return (long)command.ExecuteScalar()!;
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, "the condition did not become true in time");
            await Task.Delay(5);
        }
    }
}
