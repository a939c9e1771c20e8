using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;
using ModuleGen.Line.Inbox;
using ModuleGen.Line.Inbox.Sqlite;
using ModuleGen.Line.Inbox.Tests.Infrastructure;
using ModuleGen.Line.Tenants;
using Shouldly;
using Xunit;

namespace ModuleGen.Line.Inbox.Tests;

public sealed class SqliteWebhookInboxTests : WebhookInboxContractTests
{
    private readonly TemporaryDatabase _database = new();

    public override void Dispose()
    {
        base.Dispose();
        _database.Dispose();
    }

    [Fact]
    public async Task FileIsCreatedOnFirstUseInWalModeWithTheCurrentSchemaVersion()
    {
        using var inbox = new SqliteLineWebhookInbox(new SqliteLineWebhookInboxOptions { DatabasePath = _database.Path });

        await inbox.EnqueueAsync([TestEvents.Message(TestEvents.Id(1))], CancellationToken.None);

        using var connection = new SqliteConnection($"Data Source={_database.Path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        command.ExecuteScalar().ShouldBe("wal");
        command.CommandText = "PRAGMA user_version;";
        command.ExecuteScalar().ShouldBe(2L);
        command.CommandText = "SELECT event_json IS NOT NULL FROM inbox_events;";
        command.ExecuteScalar().ShouldBe(1L);
    }

    [Fact]
    public async Task CompletedEventKeepsItsIdButNotItsBody()
    {
        using var inbox = new SqliteLineWebhookInbox(new SqliteLineWebhookInboxOptions { DatabasePath = _database.Path });
        await inbox.EnqueueAsync([TestEvents.Message(TestEvents.Id(1))], CancellationToken.None);

        await inbox.CompleteAsync((await inbox.LeaseAsync(1, TimeSpan.FromMinutes(1), CancellationToken.None))[0], CancellationToken.None);

        using var connection = new SqliteConnection($"Data Source={_database.Path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT webhook_event_id, event_json IS NULL FROM inbox_events;";
        using var reader = command.ExecuteReader();
        reader.Read().ShouldBeTrue();
        reader.GetString(0).ShouldBe(TestEvents.Id(1));
        reader.GetInt64(1).ShouldBe(1L);
    }

    private protected override ILineWebhookInbox CreateInbox(TimeProvider clock) =>
        new SqliteLineWebhookInbox(new SqliteLineWebhookInboxOptions { DatabasePath = _database.Path }, clock);
}

public sealed class SqliteLineTenantRegistryTests : LineTenantRegistryContractTests
{
    private readonly TemporaryDatabase _database = new();

    public override void Dispose()
    {
        base.Dispose();
        _database.Dispose();
    }

    private protected override ILineTenantRegistry CreateRegistry() =>
        new SqliteLineTenantRegistry(new SqliteLineWebhookInboxOptions { DatabasePath = _database.Path });
}
