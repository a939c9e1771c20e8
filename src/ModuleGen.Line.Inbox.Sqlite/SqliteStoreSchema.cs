using System;
using Microsoft.Data.Sqlite;

namespace ModuleGen.Line.Inbox.Sqlite;

/// <summary>Creates, migrates and checks the inbox's and the tenant registry's tables; the only place that knows the schema version.</summary>
/// <remarks>
/// One table holds every event; <c>state</c> says which of the inbox's states it is in, so deduplication is one
/// primary-key lookup whatever the state, and dead-lettering or requeueing never moves a row. Version 2 adds the tenant
/// registry (<c>line_tenants</c>), the attach attempts (<c>line_attach_attempts</c>) and an index to purge one
/// destination's events. Each version's script runs once, in order, in the transaction that records it in
/// <c>PRAGMA user_version</c>.
/// </remarks>
internal static class SqliteStoreSchema
{
    public const int Pending = 0;
    public const int Completed = 1;
    public const int DeadLettered = 2;

    private const int Version = 2;

    // Times are Unix milliseconds. For a pending row, due_at is when it may next be leased: its retry time, or its
    // lease's expiry while leased, so leasing, retrying and crash recovery are all one range scan of ix_inbox_events_due.
    private const string CreateV1 = """
        CREATE TABLE IF NOT EXISTS inbox_events (
            webhook_event_id TEXT    NOT NULL PRIMARY KEY,
            destination      TEXT    NOT NULL,
            event_type       TEXT    NOT NULL,
            event_timestamp  INTEGER NOT NULL,
            is_redelivery    INTEGER NOT NULL,
            event_json       BLOB,
            state            INTEGER NOT NULL CHECK (state IN (0, 1, 2)),
            attempts         INTEGER NOT NULL,
            received_at      INTEGER NOT NULL,
            due_at           INTEGER NOT NULL,
            lease_token      TEXT,
            last_error       TEXT,
            finished_at      INTEGER,
            CHECK (state = 1 OR event_json IS NOT NULL)
        );
        CREATE INDEX IF NOT EXISTS ix_inbox_events_due ON inbox_events (due_at) WHERE state = 0;
        CREATE INDEX IF NOT EXISTS ix_inbox_events_finished ON inbox_events (state, finished_at) WHERE state <> 0;
        PRAGMA user_version = 1;
        """;

    // Tenant times are Unix milliseconds; scopes are space-separated (NULL: unknown); chat_mode 0/1/2 is
    // LineTenantChatMode. Every change goes through LineTenantTransitions in a BEGIN IMMEDIATE transaction.
    private const string CreateV2 = """
        CREATE INDEX IF NOT EXISTS ix_inbox_events_destination ON inbox_events (destination);
        CREATE TABLE IF NOT EXISTS line_tenants (
            bot_id                 TEXT    NOT NULL PRIMARY KEY,
            basic_id               TEXT,
            display_name           TEXT,
            granted_scopes         TEXT,
            is_attached            INTEGER NOT NULL,
            attached_at            INTEGER,
            detached_at            INTEGER,
            detach_reason          TEXT,
            attachment_changed_at  INTEGER,
            is_suspended           INTEGER NOT NULL,
            suspension_changed_at  INTEGER,
            chat_mode              INTEGER NOT NULL,
            chat_mode_chat_id      TEXT,
            chat_mode_changed_at   INTEGER,
            last_seen_at           INTEGER
        );
        CREATE TABLE IF NOT EXISTS line_attach_attempts (
            state            TEXT    NOT NULL PRIMARY KEY,
            code_verifier    TEXT    NOT NULL,
            channel_id       TEXT    NOT NULL,
            redirect_uri     TEXT    NOT NULL,
            scopes           TEXT    NOT NULL,
            region           TEXT,
            basic_search_id  TEXT,
            brand_types      TEXT,
            expires_at       INTEGER NOT NULL
        );
        PRAGMA user_version = 2;
        """;

    /// <summary>Sets the per-connection durability settings and creates the schema if the file has none.</summary>
    /// <param name="connection">The connection, open.</param>
    /// <param name="busyTimeout">How long a writer waits for another.</param>
    public static void Initialize(SqliteConnection connection, TimeSpan busyTimeout)
    {
        // journal_mode is stored in the file but cannot change inside a transaction, so it is set here, first.
        // synchronous and busy_timeout are per connection. FULL makes every commit reach the disk before
        // EnqueueAsync returns, which is what lets the endpoint answer 200.
        Execute(connection, $"""
            PRAGMA journal_mode = WAL;
            PRAGMA synchronous = FULL;
            PRAGMA busy_timeout = {(long)busyTimeout.TotalMilliseconds};
            """);

        using var transaction = connection.BeginTransaction();
        var version = ReadVersion(connection, transaction);
        if (version > Version)
        {
            throw new NotSupportedException(
                $"The webhook inbox database has schema version {version}; this version of ModuleGen knows up to {Version}.");
        }

        string[] migrations = [CreateV1, CreateV2];
        for (var next = version + 1; next <= Version; next++)
        {
            using var migrate = connection.CreateCommand();
            migrate.Transaction = transaction;
            migrate.CommandText = migrations[next - 1];
            migrate.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    private static long ReadVersion(SqliteConnection connection, SqliteTransaction transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "PRAGMA user_version;";
        return (long)command.ExecuteScalar()!;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
