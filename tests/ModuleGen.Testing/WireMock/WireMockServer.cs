using System;
using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace ModuleGen.Testing.WireMock;

/// <summary>
/// A real WireMock 3 standalone server (<c>java -jar wiremock-standalone-3.13.2.jar</c>) in a child process, listening on
/// a free loopback port, with its request journal on.
/// </summary>
/// <remarks>
/// Each server gets its own empty, temporary <c>--root-dir</c>, so no stray <c>mappings/</c> folder in the working
/// directory is loaded and <see cref="WireMockAdmin.ResetAsync"/> always returns to "no stubs".
/// </remarks>
public sealed class WireMockServer : IAsyncDisposable
{
    /// <summary>Environment variable that overrides where the jar is looked for.</summary>
    public const string JarEnvironmentVariable = "MODULEGEN_WIREMOCK_JAR";

    private const string PortTakenMarker = "Address already in use";
    private const int PortAttempts = 3;
    private static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan HealthPollInterval = TimeSpan.FromMilliseconds(100);

    private readonly Process process;
    private readonly DirectoryInfo rootDirectory;
    private readonly OutputTail output;
    private readonly HttpClient adminHttp;
    private int disposed;

    private WireMockServer(Process process, int port, DirectoryInfo rootDirectory, OutputTail output)
    {
        this.process = process;
        this.rootDirectory = rootDirectory;
        this.output = output;
        Port = port;
        BaseAddress = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");
        adminHttp = CreateClient();
        adminHttp.Timeout = TimeSpan.FromSeconds(30);
        Admin = new WireMockAdmin(adminHttp);
        AppDomain.CurrentDomain.ProcessExit += KillOnHostExit;
    }

    /// <summary><c>http://127.0.0.1:{Port}/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The loopback port the server listens on.</summary>
    public int Port { get; }

    /// <summary>Stubs and the request journal.</summary>
    public WireMockAdmin Admin { get; }

    /// <summary>How long it took from launching <c>java</c> until <c>/__admin/health</c> answered.</summary>
    public TimeSpan StartupTime { get; private set; }

    /// <summary>
    /// Starts a server and waits (up to 60 s) until its admin API answers.
    /// </summary>
    /// <exception cref="FileNotFoundException">The jar is missing (run <c>npm ci</c> in tests/wiremock).</exception>
    /// <exception cref="InvalidOperationException">Java is missing, or WireMock exited during start-up.</exception>
    /// <exception cref="TimeoutException">WireMock did not become healthy within 60 s.</exception>
    public static async Task<WireMockServer> StartAsync(CancellationToken cancellationToken = default)
    {
        var jar = WireMockInstallation.FindJar();
        var java = WireMockInstallation.FindJava();

        // A port read from a closed listener can be taken by someone else before java binds it; try a fresh one.
        for (var attempt = 1; ; attempt++)
        {
            var stopwatch = Stopwatch.StartNew();
            var port = FreeLoopbackPort();
            var rootDirectory = Directory.CreateTempSubdirectory("modulegen-wiremock-");
            var output = new OutputTail(capacity: 200);
            Process process;
            try
            {
                process = Launch(java, jar, port, rootDirectory.FullName, output);
            }
            catch
            {
                rootDirectory.Delete(recursive: true);
                throw;
            }

            var server = new WireMockServer(process, port, rootDirectory, output);
            try
            {
                if (await server.WaitUntilHealthyAsync(cancellationToken).ConfigureAwait(false))
                {
                    server.StartupTime = stopwatch.Elapsed;
                    return server;
                }
            }
            catch
            {
                await server.DisposeAsync().ConfigureAwait(false);
                throw;
            }

            await server.DisposeAsync().ConfigureAwait(false);
            if (attempt == PortAttempts)
            {
                throw new InvalidOperationException(
                    $"WireMock could not bind a free loopback port in {PortAttempts} attempts. Last output:\n{output}");
            }
        }
    }

    /// <summary>
    /// A new client aimed at <see cref="BaseAddress"/> that never goes through a proxy (HTTP_PROXY on CI machines would
    /// otherwise capture loopback traffic). The caller disposes it.
    /// </summary>
    public HttpClient CreateClient() =>
        new(new SocketsHttpHandler { UseProxy = false, AutomaticDecompression = DecompressionMethods.None })
        {
            BaseAddress = BaseAddress,
        };

    /// <summary>Kills the java process tree, waits for it to exit and deletes the temporary root directory.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }

        AppDomain.CurrentDomain.ProcessExit -= KillOnHostExit;
        adminHttp.Dispose();
        try
        {
            KillProcessTree();
            using var timeout = new CancellationTokenSource(ExitTimeout);
            try
            {
                await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException(
                    $"WireMock (pid {process.Id.ToString(CultureInfo.InvariantCulture)}) was killed but had not exited after {ExitTimeout.TotalSeconds:0} s.");
            }
        }
        finally
        {
            process.Dispose();
            DeleteRootDirectory();
        }
    }

    private static int FreeLoopbackPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }

    private static Process Launch(string java, string jar, int port, string rootDirectory, OutputTail output)
    {
        var startInfo = new ProcessStartInfo(java)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            CreateNoWindow = true,
            WorkingDirectory = rootDirectory,
        };

        // WireMock 3 flags; the request journal is on unless --no-request-journal is given, so it is not passed.
        foreach (var argument in new[]
        {
            "-jar", jar,
            "--port", port.ToString(CultureInfo.InvariantCulture),
            "--bind-address", "127.0.0.1",
            "--root-dir", rootDirectory,
            "--disable-banner",
        })
        {
            startInfo.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = startInfo };
        process.OutputDataReceived += (_, line) => output.Add(line.Data);
        process.ErrorDataReceived += (_, line) => output.Add(line.Data);
        try
        {
            process.Start();
        }
        catch (Win32Exception notFound)
        {
            process.Dispose();
            throw new InvalidOperationException(WireMockInstallation.JavaMissingMessage(java), notFound);
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <returns><see langword="true"/> once healthy; <see langword="false"/> if java lost the race for the port.</returns>
    private async Task<bool> WaitUntilHealthyAsync(CancellationToken cancellationToken)
    {
        var started = Stopwatch.StartNew();
        using var probe = CreateClient();
        probe.Timeout = TimeSpan.FromSeconds(5);
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (process.HasExited)
            {
                // Waiting again drains the redirected streams, so the tail holds everything java wrote.
                await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
                if (output.Contains(PortTakenMarker))
                {
                    return false;
                }

                throw new InvalidOperationException(
                    $"WireMock exited with code {process.ExitCode.ToString(CultureInfo.InvariantCulture)} before it became healthy " +
                    $"on {BaseAddress}. Its output (stderr and stdout):\n{output}");
            }

            if (started.Elapsed > StartupTimeout)
            {
                throw new TimeoutException(
                    $"WireMock did not answer {BaseAddress}__admin/health within {StartupTimeout.TotalSeconds:0} s. " +
                    $"Its output (stderr and stdout):\n{output}");
            }

            try
            {
                using var response = await probe.GetAsync(new Uri("__admin/health", UriKind.Relative), cancellationToken).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    return true;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // The probe's own timeout: the JVM is still starting.
            }

            await Task.Delay(HealthPollInterval, cancellationToken).ConfigureAwait(false);
        }
    }

    private void KillProcessTree()
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited: nothing left to kill.
        }
    }

    private void KillOnHostExit(object? sender, EventArgs e) => KillProcessTree();

    private void DeleteRootDirectory()
    {
        try
        {
            rootDirectory.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A leftover empty folder in the temp directory is harmless; failing the test run over it is not.
        }
        catch (UnauthorizedAccessException)
        {
            // As above.
        }
    }
}
