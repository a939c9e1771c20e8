using System;
using System.Threading;
using System.Threading.Tasks;
using Npgsql;

namespace ModuleGen.Line.Inbox.PostgreSql;

/// <summary>
/// Creates or migrates the tables at start; the only place that knows the schema version. Each version's script runs
/// once, in order, in the transaction that records it in <c>modulegen_schema_version</c>; an advisory lock makes hosts
/// that start together migrate one after another.
/// </summary>
/// <remarks>
/// Times are Unix milliseconds from the stores' <see cref="TimeProvider"/>, not the server's clock, as in the SQLite
/// store. For a pending event <c>due_at</c> is when it may next be leased: its retry time, or its lease's expiry while
/// leased, so leasing, retrying and crash recovery are one range scan of <c>ix_inbox_events_due</c>.
/// </remarks>
internal static class PostgreSqlStoreSchema
{
    public const int Pending = 0;
    public const int Completed = 1;
    public const int DeadLettered = 2;

    public const int Version = 1;

    /// <summary>An arbitrary constant: the advisory lock key of migrations.</summary>
    private const long MigrationLock = 0x4d6f64756c6547;

    private static readonly string[] s_migrations =
    [
        """
        CREATE TABLE inbox_events (
            destination      text     NOT NULL,
            webhook_event_id text     NOT NULL,
            seq              bigint   GENERATED ALWAYS AS IDENTITY,
            event_type       text     NOT NULL,
            event_timestamp  bigint   NOT NULL,
            is_redelivery    boolean  NOT NULL,
            event_json       bytea,
            state            smallint NOT NULL CHECK (state IN (0, 1, 2)),
            attempts         integer  NOT NULL,
            received_at      bigint   NOT NULL,
            due_at           bigint   NOT NULL,
            lease_token      text,
            last_error       text,
            finished_at      bigint,
            PRIMARY KEY (destination, webhook_event_id),
            CHECK (state = 1 OR event_json IS NOT NULL)
        );
        CREATE INDEX ix_inbox_events_due ON inbox_events (due_at, seq) WHERE state = 0;
        CREATE INDEX ix_inbox_events_head ON inbox_events (destination, event_timestamp, seq) WHERE state = 0;
        CREATE INDEX ix_inbox_events_finished ON inbox_events (state, finished_at) WHERE state <> 0;
        CREATE INDEX ix_inbox_events_id ON inbox_events (webhook_event_id);
        CREATE TABLE inbox_destinations (
            destination  text   NOT NULL PRIMARY KEY,
            lease_token  text,
            leased_until bigint
        );
        CREATE TABLE line_tenants (
            bot_id                 text     NOT NULL PRIMARY KEY,
            basic_id               text,
            display_name           text,
            granted_scopes         text,
            is_attached            boolean  NOT NULL,
            attached_at            bigint,
            detached_at            bigint,
            detach_reason          text,
            attachment_changed_at  bigint,
            is_suspended           boolean  NOT NULL,
            suspension_changed_at  bigint,
            chat_mode              integer  NOT NULL,
            chat_mode_chat_id      text,
            chat_mode_changed_at   bigint,
            last_seen_at           bigint
        );
        CREATE TABLE line_attach_attempts (
            state            text   NOT NULL PRIMARY KEY,
            code_verifier    text   NOT NULL,
            channel_id       text   NOT NULL,
            redirect_uri     text   NOT NULL,
            scopes           text   NOT NULL,
            region           text,
            basic_search_id  text,
            brand_types      text,
            expires_at       bigint NOT NULL
        );
        """,
    ];

    /// <summary>Creates the schema and migrates it to <see cref="Version"/>; refuses a database from a newer ModuleGen.</summary>
    public static async Task MigrateAsync(NpgsqlDataSource dataSource, string schema, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, transaction, $"""
            SELECT pg_advisory_xact_lock({MigrationLock});
            CREATE SCHEMA IF NOT EXISTS "{schema}";
            CREATE TABLE IF NOT EXISTS "{schema}".modulegen_schema_version (
                version    integer NOT NULL PRIMARY KEY,
                applied_at timestamptz NOT NULL DEFAULT now()
            );
            """, cancellationToken).ConfigureAwait(false);

        await using NpgsqlCommand read = new($"""SELECT COALESCE(MAX(version), 0) FROM "{schema}".modulegen_schema_version;""", connection, transaction);
        var version = (int)(await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        if (version > Version)
        {
            throw new NotSupportedException(
                $"The ModuleGen database schema \"{schema}\" has version {version}; this version of ModuleGen knows up to {Version}.");
        }

        for (var next = version + 1; next <= Version; next++)
        {
            await ExecuteAsync(connection, transaction, $"""
                SET LOCAL search_path TO "{schema}";
                {s_migrations[next - 1]}
                INSERT INTO modulegen_schema_version (version) VALUES ({next});
                """, cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task ExecuteAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using NpgsqlCommand command = new(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
