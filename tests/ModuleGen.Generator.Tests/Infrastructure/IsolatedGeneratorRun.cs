using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;

namespace ModuleGen.Generator.Tests.Infrastructure;

/// <summary>
/// Runs the generator over one spec document in a child process (this test assembly, see Program.cs) and reads back
/// what happened: whether the process survived, the exception the driver caught, and the diagnostics.
/// </summary>
internal sealed class IsolatedGeneratorRun
{
    public const string Command = "generate";

    private const string ExceptionLine = "exception\t";
    private const string DiagnosticLine = "diagnostic\t";
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    private IsolatedGeneratorRun(int exitCode, string? exception, IReadOnlyList<string> diagnostics, string errorOutput)
    {
        ExitCode = exitCode;
        Exception = exception;
        Diagnostics = diagnostics;
        ErrorOutput = errorOutput;
    }

    public int ExitCode { get; }

    /// <summary>The exception the driver caught from the generator (GeneratorRunResult.Exception), or null.</summary>
    public string? Exception { get; }

    /// <summary>"ID line:column message" of each diagnostic.</summary>
    public IReadOnlyList<string> Diagnostics { get; }

    /// <summary>The first lines the child wrote to stderr (a crash's reason).</summary>
    public string ErrorOutput { get; }

    public IReadOnlyList<string> ModuleGenDiagnostics => Diagnostics.Where(line => line.StartsWith("MG", StringComparison.Ordinal)).ToList();

    public static IsolatedGeneratorRun Start(string path, string yaml)
    {
        var assembly = Assembly.GetExecutingAssembly().Location;
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(assembly);
        start.ArgumentList.Add(Command);
        start.ArgumentList.Add(path);

        using var process = Process.Start(start)!;
        var errorLines = new List<string>();
        process.ErrorDataReceived += (_, e) =>
        {
            lock (errorLines)
            {
                // A stack overflow prints thousands of frames; the first few say what happened.
                if (e.Data is not null && errorLines.Count < 8)
                {
                    errorLines.Add(e.Data);
                }
            }
        };
        process.BeginErrorReadLine();
        var output = process.StandardOutput.ReadToEndAsync();
        process.StandardInput.Write(yaml);
        process.StandardInput.Close();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The generator did not finish within {Timeout} on {path}.");
        }

        process.WaitForExit();
        var lines = output.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lock (errorLines)
        {
            return new IsolatedGeneratorRun(
                process.ExitCode,
                lines.Where(line => line.StartsWith(ExceptionLine, StringComparison.Ordinal)).Select(line => line.Substring(ExceptionLine.Length)).FirstOrDefault(),
                lines.Where(line => line.StartsWith(DiagnosticLine, StringComparison.Ordinal)).Select(line => line.Substring(DiagnosticLine.Length)).ToList(),
                string.Join("\n", errorLines));
        }
    }

    private static string DotnetHost()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } hostPath)
        {
            return hostPath;
        }

        var current = Environment.ProcessPath;
        return current is not null && Path.GetFileNameWithoutExtension(current) == "dotnet" ? current : "dotnet";
    }

    /// <summary>The child's side: run the generator and write one line per finding.</summary>
    public static void RunInThisProcess(string path, string yaml, TextWriter output)
    {
        var run = GeneratorDriverHarness.RunOnce(SpecProject.Create().WithSpec(path, yaml));
        if (run.Result.Exception is { } exception)
        {
            output.WriteLine(ExceptionLine + exception.GetType().FullName + ": " + OneLine(exception.Message));
        }

        foreach (var diagnostic in run.Diagnostics)
        {
            var start = diagnostic.Location.GetLineSpan().StartLinePosition;
            output.WriteLine(DiagnosticLine + string.Create(
                CultureInfo.InvariantCulture,
                $"{diagnostic.Id} {start.Line}:{start.Character} {OneLine(diagnostic.GetMessage(CultureInfo.InvariantCulture))}"));
        }
    }

    private static string OneLine(string text) => text.Replace('\r', ' ').Replace('\n', ' ');
}
