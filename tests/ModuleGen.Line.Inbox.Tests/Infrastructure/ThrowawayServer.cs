using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;

namespace ModuleGen.Line.Inbox.Tests.Infrastructure;

/// <summary>What the throwaway PostgreSQL and Redis servers of the tests share: finding a binary, a free port, running a tool.</summary>
internal static class ThrowawayServer
{
    /// <summary>The binary on the PATH or in one of <paramref name="extraDirectories"/>.</summary>
    public static string Find(string name, params string[] extraDirectories)
    {
        var path = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator);
        return path.Concat(extraDirectories)
            .Select(directory => Path.Combine(directory, name))
            .FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException(
                $"'{name}' was not found on the PATH or in {string.Join(", ", extraDirectories)}: install it, or set the connection "
                + "variable the build sets (see build.cake) to a running server.");
    }

    /// <summary>A loopback port nobody listens on right now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Whether this process runs as root (PostgreSQL refuses to; its tools then run as the postgres user).</summary>
    public static bool IsRoot => Environment.UserName == "root";

    /// <summary>Runs <paramref name="file"/> to its end, as <paramref name="asUser"/> when given; throws with its output on failure.</summary>
    public static void Run(string file, string? asUser, params string[] arguments)
    {
        var start = new ProcessStartInfo(asUser is null ? file : "runuser")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        if (asUser is not null)
        {
            foreach (var argument in new[] { "-u", asUser, "--", file })
            {
                start.ArgumentList.Add(argument);
            }
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        // Read both streams to their end: pg_ctl start leaves the server holding nothing of ours, so these finish.
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{file} did not finish in 60 s.");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} failed ({process.ExitCode}): {output.Result}{error.Result}");
        }
    }
}
