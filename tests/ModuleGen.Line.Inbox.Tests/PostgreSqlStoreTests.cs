using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ModuleGen.Line.Inbox;
using ModuleGen.Line.Inbox.PostgreSql;
using ModuleGen.Line.Inbox.Tests.Infrastructure;
using ModuleGen.Line.Tenants;
using ModuleGen.Tests.Shared;
using Npgsql;
using Shouldly;
using Xunit;

namespace ModuleGen.Line.Inbox.Tests;

[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlWebhookInboxTests(PostgreSqlServer server) : WebhookInboxContractTests
{
    private readonly PostgreSqlLineStore _store = server.CreateStore();

    public override void Dispose()
    {
        base.Dispose();
        _store.Dispose();
    }

    [Fact]
    public async Task SchemaIsCreatedAtFirstUseWithItsVersionRecordedOnce()
    {
        await _store.MigrateAsync(CancellationToken.None);
        using var second = new PostgreSqlLineStore(_store.Options);
        await second.MigrateAsync(CancellationToken.None);

        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT version FROM \"{_store.Options.Schema}\".modulegen_schema_version;", connection);
        (await command.ExecuteScalarAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task TheSameEventIdForAnotherDestinationIsNotADuplicate()
    {
        var inbox = new PostgreSqlLineWebhookInbox(_store, Clock);

        var result = await inbox.EnqueueAsync(
            [TestEvents.Message(TestEvents.Id(1)), TestEvents.Message(TestEvents.Id(1), destination: TestEvents.OtherDestination)],
            CancellationToken.None);

        result.StoredCount.ShouldBe(2);
    }

    private protected override ILineWebhookInbox CreateInbox(TimeProvider clock) => new PostgreSqlLineWebhookInbox(_store, clock);
}

[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlLineTenantRegistryTests(PostgreSqlServer server) : LineTenantRegistryContractTests
{
    private readonly PostgreSqlLineStore _store = server.CreateStore();

    public override void Dispose()
    {
        base.Dispose();
        _store.Dispose();
    }

    private protected override ILineTenantRegistry CreateRegistry() => new PostgreSqlLineTenantRegistry(_store);
}

/// <summary>Per-OA ordering: one OA's events one at a time in event-time order, OAs in parallel.</summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlOrderedInboxTests(PostgreSqlServer server) : IDisposable
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly PostgreSqlLineStore _store = server.CreateStore(orderPerDestination: true);
    private readonly ManualTimeProvider _clock = new();

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task EachOaGivesOnlyItsOldestEventAtATimeWhileOasRunInParallel()
    {
        var inbox = new PostgreSqlLineWebhookInbox(_store, _clock);
        await inbox.EnqueueAsync(
            [TestEvents.Message(TestEvents.Id(2), timestamp: 2000), TestEvents.Message(TestEvents.Id(1), timestamp: 1000),
             TestEvents.Message(TestEvents.Id(3), timestamp: 500, destination: TestEvents.OtherDestination)],
            None);

        var first = await inbox.LeaseAsync(10, Lease, None);
        var whileHeld = await inbox.LeaseAsync(10, Lease, None);
        await inbox.CompleteAsync(first.Single(e => e.Event.Destination == TestEvents.Destination), None);
        var afterCompletion = await inbox.LeaseAsync(10, Lease, None);

        first.Select(e => e.Event.WebhookEventId).Order().ShouldBe([TestEvents.Id(1), TestEvents.Id(3)]);
        whileHeld.ShouldBeEmpty();
        afterCompletion.ShouldHaveSingleItem().Event.WebhookEventId.ShouldBe(TestEvents.Id(2));
    }

    [Fact]
    public async Task AHeadWaitingForItsRetryHoldsBackTheOasLaterEvents()
    {
        var inbox = new PostgreSqlLineWebhookInbox(_store, _clock);
        await inbox.EnqueueAsync([TestEvents.Message(TestEvents.Id(1), timestamp: 1000), TestEvents.Message(TestEvents.Id(2), timestamp: 2000)], None);
        var head = (await inbox.LeaseAsync(10, Lease, None)).ShouldHaveSingleItem();

        await inbox.FailAsync(head, "busy", _clock.GetUtcNow().AddSeconds(30), None);
        var beforeRetry = await inbox.LeaseAsync(10, Lease, None);
        _clock.Advance(TimeSpan.FromSeconds(30));
        var atRetry = await inbox.LeaseAsync(10, Lease, None);

        beforeRetry.ShouldBeEmpty();
        atRetry.ShouldHaveSingleItem().Event.WebhookEventId.ShouldBe(TestEvents.Id(1));
    }

    [Fact]
    public async Task EventsStoredBeforeOrderingWasSwitchedOnAreStillClaimed()
    {
        var schema = "test_" + Guid.NewGuid().ToString("N");
        using (var unordered = server.CreateStore(orderPerDestination: false, schema: schema))
        {
            await new PostgreSqlLineWebhookInbox(unordered, _clock).EnqueueAsync(
                [TestEvents.Message(TestEvents.Id(1)), TestEvents.Message(TestEvents.Id(2), destination: TestEvents.OtherDestination)], None);
        }

        using var ordered = server.CreateStore(orderPerDestination: true, schema: schema);
        var leased = await new PostgreSqlLineWebhookInbox(ordered, _clock).LeaseAsync(10, Lease, None);

        leased.Select(e => e.Event.WebhookEventId).Order().ShouldBe([TestEvents.Id(1), TestEvents.Id(2)]);
    }

    [Fact]
    public async Task AnExpiredOaLeaseIsTakenOverAndRenewalKeepsItFromExpiring()
    {
        var inbox = new PostgreSqlLineWebhookInbox(_store, _clock);
        await inbox.EnqueueAsync([TestEvents.Message(TestEvents.Id(1)), TestEvents.Message(TestEvents.Id(2), timestamp: 1751371200001)], None);
        var held = (await inbox.LeaseAsync(10, Lease, None)).Single();
        _clock.Advance(TimeSpan.FromMinutes(4));
        (await inbox.RenewLeaseAsync(held, Lease, None)).ShouldBeTrue();
        _clock.Advance(TimeSpan.FromMinutes(4));
        (await inbox.LeaseAsync(10, Lease, None)).ShouldBeEmpty();
        _clock.Advance(TimeSpan.FromMinutes(2));

        var takenOver = (await inbox.LeaseAsync(10, Lease, None)).ShouldHaveSingleItem();

        takenOver.Event.WebhookEventId.ShouldBe(TestEvents.Id(1));
        takenOver.Attempt.ShouldBe(2);
    }
}
