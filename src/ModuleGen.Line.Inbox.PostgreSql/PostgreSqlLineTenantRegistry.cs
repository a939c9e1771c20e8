using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using ModuleGen.Line.Tenants;
using Npgsql;
using static ModuleGen.Line.Tenants.LineTenantStoreColumns;

namespace ModuleGen.Line.Inbox.PostgreSql;

/// <summary>
/// The tenant registry and the attach attempts on PostgreSQL (tables <c>line_tenants</c> and
/// <c>line_attach_attempts</c>), shared by every instance.
/// </summary>
/// <remarks>
/// A change is read, passed through <see cref="LineTenantTransitions.Apply"/> and written back in one transaction
/// holding a transaction-scoped advisory lock on the OA, so changes from several processes never interleave, including
/// the first change of an OA that has no row to lock yet.
/// </remarks>
public sealed class PostgreSqlLineTenantRegistry : ILineTenantRegistry, ILineAttachStateStore
{
    private readonly PostgreSqlLineStore _store;

    /// <summary>Creates a registry on <paramref name="store"/>.</summary>
    public PostgreSqlLineTenantRegistry(PostgreSqlLineStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
    }

    /// <inheritdoc />
    public async ValueTask<LineTenant?> FindAsync(string botId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(botId);
        await using var connection = await _store.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await FindAsync(connection, null, botId, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<LineTenant>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _store.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using NpgsqlCommand select = new($"SELECT {TenantColumns} FROM line_tenants ORDER BY bot_id COLLATE \"C\";", connection);
        await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var tenants = new List<LineTenant>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            tenants.Add(ReadTenant(reader));
        }

        return tenants;
    }

    /// <inheritdoc />
    public async ValueTask<LineTenant> ApplyAsync(LineTenantChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        await using var connection = await _store.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (NpgsqlCommand lockTenant = new("SELECT pg_advisory_xact_lock(hashtextextended(@bot_id, 0));", connection, transaction))
        {
            Add(lockTenant, "bot_id", change.BotId);
            await lockTenant.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        var updated = LineTenantTransitions.Apply(
            await FindAsync(connection, transaction, change.BotId, cancellationToken).ConfigureAwait(false), change);
        await using (NpgsqlCommand upsert = new(UpsertTenant + ";", connection, transaction))
        {
            BindTenant(upsert, updated);
            await upsert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return updated;
    }

    /// <inheritdoc />
    public async ValueTask<bool> RemoveDetachedAsync(string botId, DateTimeOffset detachedBefore, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(botId);
        await using var connection = await _store.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using NpgsqlCommand delete = new(
            "DELETE FROM line_tenants WHERE bot_id = @bot_id AND NOT is_attached AND detached_at < @before;", connection);
        Add(delete, "bot_id", botId);
        Add(delete, "before", detachedBefore.ToUnixTimeMilliseconds());
        return await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <inheritdoc />
    public async ValueTask SaveAttachAsync(LinePendingAttach attempt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        await using var connection = await _store.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using NpgsqlCommand insert = new(InsertAttach + ";", connection);
        BindAttach(insert, attempt);
        await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask<LinePendingAttach?> TakeAttachAsync(string state, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        await using var connection = await _store.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using NpgsqlCommand take = new($"DELETE FROM line_attach_attempts WHERE state = @state RETURNING {AttachColumns};", connection);
        Add(take, "state", state);
        await using var reader = await take.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var attempt = await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? ReadAttach(reader) : null;
        return attempt is not null && attempt.ExpiresAt > now ? attempt : null;
    }

    /// <inheritdoc />
    public async ValueTask<int> PurgeExpiredAttachesAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await _store.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using NpgsqlCommand purge = new("DELETE FROM line_attach_attempts WHERE expires_at <= @now;", connection);
        Add(purge, "now", now.ToUnixTimeMilliseconds());
        return await purge.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async ValueTask<LineTenant?> FindAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, string botId, CancellationToken cancellationToken)
    {
        await using NpgsqlCommand select = new($"SELECT {TenantColumns} FROM line_tenants WHERE bot_id = @bot_id;", connection, transaction);
        Add(select, "bot_id", botId);
        await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? ReadTenant(reader) : null;
    }
}
