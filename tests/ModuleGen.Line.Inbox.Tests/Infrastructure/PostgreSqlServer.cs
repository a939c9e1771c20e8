using System;
using System.IO;
using ModuleGen.Line.Inbox.PostgreSql;
using Xunit;

namespace ModuleGen.Line.Inbox.Tests.Infrastructure;

/// <summary>
/// The PostgreSQL server of the tests: the one named by <c>MODULEGEN_TEST_POSTGRES</c> (a connection string; the build
/// starts a throwaway cluster and sets it), or else a throwaway cluster of its own, started here and stopped when the
/// collection ends, so <c>dotnet test</c> alone runs every test too. Each test gets a fresh schema.
/// </summary>
public sealed class PostgreSqlServer : IDisposable
{
    public const string ConnectionVariable = "MODULEGEN_TEST_POSTGRES";

    private readonly string? _dataDirectory;
    private readonly string? _pgCtl;

    public PostgreSqlServer()
    {
        if (Environment.GetEnvironmentVariable(ConnectionVariable) is { Length: > 0 } connectionString)
        {
            ConnectionString = connectionString;
            return;
        }

        var initdb = ThrowawayServer.Find("initdb", "/usr/local/bin", "/usr/lib/postgresql/15/bin", "/usr/lib/postgresql/16/bin");
        _pgCtl = Path.Combine(Path.GetDirectoryName(initdb)!, "pg_ctl");
        var asUser = ThrowawayServer.IsRoot ? "postgres" : null;
        _dataDirectory = Directory.CreateTempSubdirectory("modulegen-pg-").FullName;
        if (asUser is not null)
        {
            ThrowawayServer.Run("chown", null, asUser, _dataDirectory);
        }

        var port = ThrowawayServer.FreePort();
        ThrowawayServer.Run(initdb, asUser, "-D", _dataDirectory, "-U", "postgres", "-A", "trust", "--no-sync");
        ThrowawayServer.Run(_pgCtl, asUser, "-D", _dataDirectory, "-l", Path.Combine(_dataDirectory, "server.log"), "-w", "start",
            "-o", $"-p {port} -k {_dataDirectory} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200");
        ConnectionString = $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres";
    }

    public string ConnectionString { get; }

    /// <summary>A store on a new, empty schema of this server.</summary>
    public PostgreSqlLineStore CreateStore(bool orderPerDestination = false, string? schema = null) => new(new PostgreSqlLineStoreOptions
    {
        ConnectionString = ConnectionString,
        Schema = schema ?? "test_" + Guid.NewGuid().ToString("N"),
        OrderPerDestination = orderPerDestination,
    });

    public void Dispose()
    {
        if (_dataDirectory is null)
        {
            return;
        }

        ThrowawayServer.Run(_pgCtl!, ThrowawayServer.IsRoot ? "postgres" : null, "-D", _dataDirectory, "-m", "immediate", "-w", "stop");
        Directory.Delete(_dataDirectory, recursive: true);
    }
}

[CollectionDefinition(Name)]
public sealed class PostgreSqlCollection : ICollectionFixture<PostgreSqlServer>
{
    public const string Name = "PostgreSQL";
}
