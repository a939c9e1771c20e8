using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;

namespace ModuleGen.Line.Inbox.Sqlite;

/// <summary>
/// One store's connection to the database file: opened (and the schema created or migrated) on first use, one
/// operation at a time. The inbox and the tenant registry each own one.
/// </summary>
internal sealed class SqliteStoreConnection : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly string _connectionString;
    private readonly TimeSpan _busyTimeout;
    private SqliteConnection? _connection;
    private bool _disposed;

    /// <param name="options">Where the file is and how long a writer waits for another.</param>
    public SqliteStoreConnection(SqliteLineWebhookInboxOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.DatabasePath, nameof(options.DatabasePath));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.BusyTimeout, TimeSpan.Zero, nameof(options.BusyTimeout));

        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = options.DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            // The store keeps its one connection; pooling would only keep the file open after Dispose.
            Pooling = false,
            DefaultTimeout = (int)Math.Ceiling(options.BusyTimeout.TotalSeconds),
        }.ToString();
        _busyTimeout = options.BusyTimeout;
    }

    public ValueTask RunAsync(Action<SqliteConnection> operation, CancellationToken cancellationToken) =>
        new(RunAsync<bool>(connection =>
        {
            operation(connection);
            return true;
        }, cancellationToken).AsTask());

    /// <summary>
    /// Runs one operation on the connection, opening it (and creating the schema) on first use. The work itself is
    /// synchronous: Microsoft.Data.Sqlite has no truly asynchronous I/O, and once a transaction has begun it is better
    /// finished than abandoned, so the token is honoured only while waiting for the gate.
    /// </summary>
    public async ValueTask<T> RunAsync<T>(Func<SqliteConnection, T> operation, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return operation(_connection ??= Open());
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose()
    {
        _gate.Wait();
        try
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _connection?.Dispose();
            _connection = null;
        }
        finally
        {
            _gate.Release();
        }
    }

    public static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            connection.Open();
            SqliteStoreSchema.Initialize(connection, _busyTimeout);
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }
}
