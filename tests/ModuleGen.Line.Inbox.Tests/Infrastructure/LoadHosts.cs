using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace ModuleGen.Line.Inbox.Tests.Infrastructure;

/// <summary>
/// Several ModuleGen.Line.Inbox.LoadHost processes over one store, and LINE's side of the traffic: signed webhook
/// bodies posted concurrently, redelivered to another host, and re-sent until some host answers 200 (as LINE
/// redelivers). Each process incarnation writes its own handling log, so a killed incarnation's cut-short handlings
/// can be told apart.
/// </summary>
internal sealed class LoadHosts : IAsyncDisposable
{
    public const string Secret = "load-test-channel-secret-0123456";

    private readonly string _store;
    private readonly string _connection;
    private readonly string _schema;
    private readonly DirectoryInfo _logs = Directory.CreateTempSubdirectory("modulegen-load-");
    private readonly HttpClient _client = new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly ConcurrentBag<double> _latencies = [];
    private Host[] _hosts = [];
    private int _incarnations;

    public LoadHosts(string store, string connection, string schema)
    {
        (_store, _connection, _schema) = (store, connection, schema);
    }

    public IReadOnlyCollection<double> WebhookMilliseconds => _latencies;

    public async Task StartAsync(int count) =>
        _hosts = await Task.WhenAll(Enumerable.Range(0, count).Select(_ => StartHostAsync(ThrowawayServer.FreePort())));

    /// <summary>
    /// SIGKILLs host <paramref name="index"/> (no shutdown, no finally blocks, leases left behind) as soon as one of
    /// its handlers is running, so the kill cuts some handling short.
    /// </summary>
    public async Task<string> KillWhileHandlingAsync(int index)
    {
        for (var poll = 0; poll < 400 && !IsHandling(_hosts[index].LogPath); poll++)
        {
            await Task.Delay(5);
        }

        _hosts[index].Process.Kill();
        _hosts[index].Process.WaitForExit();
        return _hosts[index].LogPath;
    }

    private static bool IsHandling(string logPath)
    {
        using var stream = new FileStream(logPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        var lines = new StreamReader(stream).ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return lines.Count(l => l.StartsWith("start ", StringComparison.Ordinal)) > lines.Count(l => l.StartsWith("done ", StringComparison.Ordinal));
    }

    /// <summary>Starts host <paramref name="index"/> again on its port, as a new incarnation.</summary>
    public async Task RestartAsync(int index) => _hosts[index] = await StartHostAsync(_hosts[index].Port);

    /// <summary>A body of <paramref name="ids"/> for <paramref name="destination"/>, as LINE sends it.</summary>
    public static byte[] Body(string destination, IEnumerable<string> ids, bool isRedelivery)
    {
        var events = string.Join(",", ids.Select(id =>
            $$$"""{"type":"unfollow","mode":"active","timestamp":1751371200000,"webhookEventId":"{{{id}}}","deliveryContext":{"isRedelivery":{{{(isRedelivery ? "true" : "false")}}}},"source":{"type":"user","userId":"U{{{id[^32..]}}}"}}"""));
        return Encoding.UTF8.GetBytes($$"""{"destination":"{{destination}}","events":[{{events}}]}""");
    }

    /// <summary>Posts <paramref name="body"/> to host <paramref name="first"/>, then to the next ones, until one answers 200.</summary>
    public async Task DeliverAsync(byte[] body, int first, CancellationToken cancellationToken)
    {
        var signature = Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), body));
        for (var attempt = 0; ; attempt++)
        {
            var host = _hosts[(first + attempt) % _hosts.Length];
            using var request = new HttpRequestMessage(HttpMethod.Post, $"http://127.0.0.1:{host.Port}/webhook") { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new("application/json");
            request.Headers.Add("x-line-signature", signature);
            var started = Stopwatch.GetTimestamp();
            try
            {
                using var response = await _client.SendAsync(request, cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    _latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // The host is down (killed, or restarting): LINE would redeliver; so do we, elsewhere.
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20 * Math.Min(attempt + 1, 10)), cancellationToken);
        }
    }

    /// <summary>Every log line of every incarnation: (log path, "start"/"done", event ID).</summary>
    public IReadOnlyList<(string Log, string Step, string Id)> ReadLogs() =>
        _logs.GetFiles("*.log")
            .SelectMany(file => File.ReadAllLines(file.FullName)
                .Where(line => line.Length > 0)
                .Select(line => line.Split(' '))
                .Where(parts => parts.Length == 2)
                .Select(parts => (file.FullName, parts[0], parts[1])))
            .ToList();

    public async ValueTask DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            if (!host.Process.HasExited)
            {
                host.Process.Kill();
                await host.Process.WaitForExitAsync();
            }

            host.Process.Dispose();
        }

        _client.Dispose();
        _logs.Delete(recursive: true);
    }

    private async Task<Host> StartHostAsync(int port)
    {
        var logPath = Path.Combine(_logs.FullName, $"incarnation-{Interlocked.Increment(ref _incarnations)}.log");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[]
        {
            Path.Combine(AppContext.BaseDirectory, "ModuleGen.Line.Inbox.LoadHost.dll"),
            _store, _connection, _schema, port.ToString(System.Globalization.CultureInfo.InvariantCulture), logPath, Secret,
        })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        using var ready = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var line = await process.StandardOutput.ReadLineAsync(ready.Token);
        if (line != "listening")
        {
            process.Kill();
            throw new InvalidOperationException($"The load host on port {port} did not start: '{line}'.");
        }

        return new Host(process, port, logPath);
    }

    private sealed record Host(Process Process, int Port, string LogPath);
}
