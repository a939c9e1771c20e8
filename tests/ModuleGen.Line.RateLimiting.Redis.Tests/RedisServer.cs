using System;
using System.Diagnostics;
using System.IO;
using System.Threading;
using ModuleGen.Line.Inbox.Tests.Infrastructure;
using StackExchange.Redis;
using Xunit;

namespace ModuleGen.Line.RateLimiting.Redis.Tests;

/// <summary>
/// The Redis server of the tests: the one <c>MODULEGEN_TEST_REDIS</c> names (host:port; the build starts one and sets
/// it), or else a throwaway redis-server of its own, without persistence, stopped when the collection ends.
/// </summary>
public sealed class RedisServer : IDisposable
{
    public const string EndpointVariable = "MODULEGEN_TEST_REDIS";

    private readonly Process? _server;
    private readonly string? _directory;

    public RedisServer()
    {
        if (Environment.GetEnvironmentVariable(EndpointVariable) is { Length: > 0 } endpoint)
        {
            Endpoint = endpoint;
        }
        else
        {
            var redisServer = ThrowawayServer.Find("redis-server", "/usr/bin", "/usr/local/bin");
            var port = ThrowawayServer.FreePort();
            _directory = Directory.CreateTempSubdirectory("modulegen-redis-").FullName;
            var start = new ProcessStartInfo(redisServer) { RedirectStandardOutput = true, WorkingDirectory = _directory };
            foreach (var argument in new[] { "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no" })
            {
                start.ArgumentList.Add(argument);
            }

            _server = Process.Start(start)!;
            _server.OutputDataReceived += (_, _) => { };
            _server.BeginOutputReadLine();
            Endpoint = $"127.0.0.1:{port}";
        }

        Redis = Connect(Endpoint);
    }

    public string Endpoint { get; }

    public ConnectionMultiplexer Redis { get; }

    public void Dispose()
    {
        Redis.Dispose();
        if (_server is not null)
        {
            _server.Kill();
            _server.WaitForExit();
            _server.Dispose();
            Directory.Delete(_directory!, recursive: true);
        }
    }

    /// <summary>Connects, giving a server that is still starting a few seconds.</summary>
    private static ConnectionMultiplexer Connect(string endpoint)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return ConnectionMultiplexer.Connect(endpoint + ",connectTimeout=1000");
            }
            catch (RedisConnectionException) when (attempt < 20)
            {
                Thread.Sleep(100);
            }
        }
    }
}

[CollectionDefinition(Name)]
public sealed class RedisCollection : ICollectionFixture<RedisServer>
{
    public const string Name = "Redis";
}
