using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;
using ModuleGen.Line.Tenants;
using static ModuleGen.Line.Tenants.LineTenantStoreColumns;

namespace ModuleGen.Line.Inbox.Sqlite;

/// <summary>
/// The tenant registry and the attach attempts in the inbox's SQLite file (tables <c>line_tenants</c> and
/// <c>line_attach_attempts</c>), so one file holds everything a single-instance module keeps.
/// </summary>
/// <remarks>
/// Every change is read, passed through <see cref="LineTenantTransitions.Apply"/> and written back in one
/// <c>BEGIN IMMEDIATE</c> transaction, so two processes sharing the file cannot interleave a read-modify-write.
/// </remarks>
public sealed class SqliteLineTenantRegistry : ILineTenantRegistry, ILineAttachStateStore, IDisposable
{
    private readonly SqliteStoreConnection _store;

    /// <summary>Creates a registry on <see cref="SqliteLineWebhookInboxOptions.DatabasePath"/>; the file is opened on first use.</summary>
    public SqliteLineTenantRegistry(SqliteLineWebhookInboxOptions options)
    {
        _store = new SqliteStoreConnection(options);
    }

    /// <inheritdoc />
    public ValueTask<LineTenant?> FindAsync(string botId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(botId);
        return _store.RunAsync(connection => Find(connection, null, botId), cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<LineTenant>> ListAsync(CancellationToken cancellationToken) =>
        _store.RunAsync<IReadOnlyList<LineTenant>>(connection =>
        {
            using var select = SqliteStoreConnection.Command(
                connection, null, $"SELECT {TenantColumns} FROM line_tenants ORDER BY bot_id;");
            using var reader = select.ExecuteReader();
            var tenants = new List<LineTenant>();
            while (reader.Read())
            {
                tenants.Add(ReadTenant(reader));
            }

            return tenants;
        }, cancellationToken);

    /// <inheritdoc />
    public ValueTask<LineTenant> ApplyAsync(LineTenantChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        return _store.RunAsync(connection =>
        {
            // Microsoft.Data.Sqlite begins a non-deferred transaction with BEGIN IMMEDIATE: the write lock is taken
            // before the read, so the read-modify-write is atomic across processes.
            using var transaction = connection.BeginTransaction();
            var updated = LineTenantTransitions.Apply(Find(connection, transaction, change.BotId), change);
            using var upsert = SqliteStoreConnection.Command(connection, transaction, UpsertTenant + ";");
            BindTenant(upsert, updated);
            upsert.ExecuteNonQuery();
            transaction.Commit();
            return updated;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<bool> RemoveDetachedAsync(string botId, DateTimeOffset detachedBefore, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(botId);
        return _store.RunAsync(connection =>
        {
            using var delete = SqliteStoreConnection.Command(connection, null, """
                DELETE FROM line_tenants WHERE bot_id = @bot_id AND is_attached = 0 AND detached_at < @before;
                """);
            Add(delete, "bot_id", botId);
            Add(delete, "before", detachedBefore.ToUnixTimeMilliseconds());
            return delete.ExecuteNonQuery() == 1;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask SaveAttachAsync(LinePendingAttach attempt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        return _store.RunAsync(connection =>
        {
            using var insert = SqliteStoreConnection.Command(connection, null, InsertAttach + ";");
            BindAttach(insert, attempt);
            insert.ExecuteNonQuery();
        }, cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<LinePendingAttach?> TakeAttachAsync(string state, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        return _store.RunAsync(connection =>
        {
            // DELETE … RETURNING: the one statement both finds and uses up the attempt.
            using var take = SqliteStoreConnection.Command(
                connection, null, $"DELETE FROM line_attach_attempts WHERE state = @state RETURNING {AttachColumns};");
            Add(take, "state", state);
            using var reader = take.ExecuteReader();
            var attempt = reader.Read() ? ReadAttach(reader) : null;
            return attempt is not null && attempt.ExpiresAt > now ? attempt : null;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<int> PurgeExpiredAttachesAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        _store.RunAsync(connection =>
        {
            using var purge = SqliteStoreConnection.Command(
                connection, null, "DELETE FROM line_attach_attempts WHERE expires_at <= @now;");
            Add(purge, "now", now.ToUnixTimeMilliseconds());
            return purge.ExecuteNonQuery();
        }, cancellationToken);

    /// <summary>Closes the file.</summary>
    public void Dispose() => _store.Dispose();

    private static LineTenant? Find(SqliteConnection connection, SqliteTransaction? transaction, string botId)
    {
        using var select = SqliteStoreConnection.Command(
            connection, transaction, $"SELECT {TenantColumns} FROM line_tenants WHERE bot_id = @bot_id;");
        Add(select, "bot_id", botId);
        using var reader = select.ExecuteReader();
        return reader.Read() ? ReadTenant(reader) : null;
    }
}
