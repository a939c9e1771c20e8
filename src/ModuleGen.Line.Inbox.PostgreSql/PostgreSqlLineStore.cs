using System;
using System.Threading;
using System.Threading.Tasks;
using Npgsql;

namespace ModuleGen.Line.Inbox.PostgreSql;

/// <summary>
/// The connection pool both PostgreSQL stores share, on the options' schema (as the search path), migrated once on
/// first use. Each operation takes a pooled connection for its own duration, so one store serves many threads.
/// </summary>
public sealed class PostgreSqlLineStore : IAsyncDisposable, IDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly string _schema;
    private readonly SemaphoreSlim _migrationGate = new(1, 1);
    private volatile bool _migrated;

    /// <summary>Creates the store; nothing connects before the first operation.</summary>
    public PostgreSqlLineStore(PostgreSqlLineStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var builder = new NpgsqlConnectionStringBuilder(options.ConnectionString) { SearchPath = options.Schema };
        _dataSource = NpgsqlDataSource.Create(builder.ConnectionString);
        _schema = options.Schema;
        Options = options;
    }

    /// <summary>The options.</summary>
    public PostgreSqlLineStoreOptions Options { get; }

    /// <summary>Creates or migrates the schema now instead of on first use (e.g. at host start).</summary>
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        if (_migrated)
        {
            return;
        }

        await _migrationGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_migrated)
            {
                await PostgreSqlStoreSchema.MigrateAsync(_dataSource, _schema, cancellationToken).ConfigureAwait(false);
                if (Options.OrderPerDestination)
                {
                    await AddMissingDestinationLeasesAsync(cancellationToken).ConfigureAwait(false);
                }

                _migrated = true;
            }
        }
        finally
        {
            _migrationGate.Release();
        }
    }

    /// <summary>
    /// Per-OA ordering claims OAs through <c>inbox_destinations</c>, whose rows are made as events arrive while it is on.
    /// Events stored while it was off have none: without this they would never be claimed once it is switched on.
    /// </summary>
    private async Task AddMissingDestinationLeasesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO inbox_destinations (destination)
            SELECT DISTINCT destination FROM inbox_events WHERE state = 0
            ON CONFLICT DO NOTHING
            """;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>An open pooled connection on a migrated schema; dispose it to return it.</summary>
    internal async ValueTask<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await MigrateAsync(cancellationToken).ConfigureAwait(false);
        return await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    /// <inheritdoc />
    public void Dispose() => _dataSource.Dispose();
}
