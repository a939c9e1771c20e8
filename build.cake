// ModuleGen build: ./build.sh [--target=Default|Clean|Restore|Build|Test|Pack|Generate|OpenApi|Bench] [--configuration=Release]
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;

var target = Argument("target", "Default");
var configuration = Argument("configuration", "Release");
// Local packs get a -dev.<UTC timestamp> suffix, so a re-pack is never hidden by a copy of the same version in the NuGet
// cache; a release passes --version-suffix= (empty) to pack the plain VersionPrefix of Directory.Build.props.
var versionSuffix = Argument("version-suffix", $"dev.{DateTime.UtcNow:yyyyMMddHHmmss}");

var root = MakeAbsolute(Directory("."));
var solution = root.CombineWithFilePath("ModuleGen.sln");
var artifacts = root.Combine("artifacts");
var testResults = artifacts.Combine("test-results");
var packages = artifacts.Combine("packages");
var generatedOutput = artifacts.Combine("generated");
var lineGeneratedSources = root.Combine("src/ModuleGen.Line/obj/generated");
var openApiDocument = artifacts.CombineWithFilePath("openapi/line.json");
var benchResults = artifacts.Combine("bench");
var performanceDoc = root.CombineWithFilePath("docs/performance.md");

// Set by Test; printed again after Cake's task table so it is the run's last line.
string testTotals = null;

// Throwaway servers the Test target starts for the store and rate-limiter tests; Teardown stops them, also on failure.
ThrowawayPostgres postgres = null;
System.Diagnostics.Process redis = null;

Task("Clean")
    .Description("Deletes artifacts/ and every bin/ and obj/ under generator/, src/, tests/, bench/, samples/.")
    .Does(() =>
{
    var delete = new DeleteDirectorySettings { Recursive = true, Force = true };
    var outputFolders = new List<DirectoryPath> { artifacts };
    foreach (var folder in new[] { "generator", "src", "tests", "bench", "samples" })
    {
        outputFolders.AddRange(GetDirectories($"./{folder}/**/bin"));
        outputFolders.AddRange(GetDirectories($"./{folder}/**/obj"));
    }

    // A bin/ inside an obj/ is gone once its parent is.
    foreach (var folder in outputFolders.OrderBy(f => f.FullPath.Length))
    {
        if (DirectoryExists(folder))
        {
            Verbose("Deleting {0}", folder);
            DeleteDirectory(folder, delete);
        }
    }
});

Task("Restore")
    .Does(() =>
{
    DotNetRestore(solution.FullPath);
});

Task("Build")
    .IsDependentOn("Restore")
    .Does(() =>
{
    DotNetBuild(solution.FullPath, new DotNetBuildSettings
    {
        Configuration = configuration,
        NoRestore = true,
    });
});

Task("Consumer")
    .Description("Builds, outside the repository and from artifacts/packages only, a consumer of the packages that holds every C# block of README.md verbatim.")
    .IsDependentOn("Pack")
    .Does(() =>
{
    // Blocks with top-level statements are programs (one project each); the others share one library project.
    var blocks = Regex.Matches(System.IO.File.ReadAllText(root.CombineWithFilePath("README.md").FullPath), @"```csharp\n(.*?)```", RegexOptions.Singleline)
        .Select(match => match.Groups[1].Value)
        .ToList();
    bool IsProgram(string code) => Regex.IsMatch(code, @"^(var|await|app\.|builder\.)\b", RegexOptions.Multiline);
    var version = GetFiles($"{packages.FullPath}/ModuleGen.Line.*.nupkg")
        .Select(f => Regex.Match(f.GetFilename().FullPath, @"^ModuleGen\.Line\.(\d+\.\d+\.\d+.*)\.nupkg$"))
        .First(m => m.Success).Groups[1].Value;
    var consumer = System.IO.Directory.CreateTempSubdirectory("modulegen-consumer-").FullName;
    var projects = new List<(string Name, IReadOnlyList<string> Files, bool IsProgram)>();
    projects.Add(("Library", blocks.Where(b => !IsProgram(b)).ToList(), false));
    projects.AddRange(blocks.Where(IsProgram).Select((b, i) => ($"Program{i + 1}", (IReadOnlyList<string>)new[] { b }, true)));
    foreach (var (name, files, isProgram) in projects)
    {
        var folder = System.IO.Path.Combine(consumer, name);
        System.IO.Directory.CreateDirectory(folder);
        for (var i = 0; i < files.Count; i++)
        {
            System.IO.File.WriteAllText(System.IO.Path.Combine(folder, $"Snippet{i + 1}.cs"), files[i]);
        }

        // A project like dotnet new web makes, restoring ModuleGen's packages from artifacts/packages next to the
        // machine's own feeds (no nuget.config), at the version this build packed.
        System.IO.File.WriteAllText(System.IO.Path.Combine(folder, name + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk.Web">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <OutputType>{(isProgram ? "Exe" : "Library")}</OutputType>
                <RestoreAdditionalProjectSources>{packages.FullPath}</RestoreAdditionalProjectSources>
                <NoWarn>$(NoWarn);NU1603</NoWarn>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="ModuleGen.Line" Version="{version}" />
                <PackageReference Include="ModuleGen.Line.AspNetCore" Version="{version}" />
                <PackageReference Include="ModuleGen.Line.Inbox.Sqlite" Version="{version}" />
                <PackageReference Include="ModuleGen.Line.Testing" Version="{version}" />
                <PackageReference Include="xunit" Version="2.9.3" />
                <PackageReference Include="Shouldly" Version="4.2.1" />
              </ItemGroup>
            </Project>
            """);
    }

    // One solution: one restore and one build for all of them.
    var names = string.Join(" ", projects.Select(p => $"{p.Name}/{p.Name}.csproj"));
    foreach (var arguments in new[] { "new sln --name Consumer --format sln", $"sln Consumer.sln add {names}", "build Consumer.sln --nologo -v quiet" })
    {
        if (StartProcess("dotnet", new ProcessSettings { Arguments = arguments, WorkingDirectory = consumer }) != 0)
        {
            throw new CakeException($"The README's C# does not build from the packages (dotnet {arguments}; the projects are left in {consumer}).");
        }
    }

    Information($"The README's {blocks.Count} C# blocks build verbatim in {projects.Count} consumer projects from the {version} packages.");
    DeleteDirectory(consumer, new DeleteDirectorySettings { Recursive = true, Force = true });
});

Task("Test")
    .Description("Builds the README's C# from the packages (Consumer), starts a throwaway PostgreSQL and redis-server where installed, runs every tests/**/*.Tests.csproj and *.ContractTests.csproj, then prints 'N passed, N failed'.")
    .IsDependentOn("Build")
    .IsDependentOn("Consumer")
    .Does(() =>
{
    var projects = GetFiles("./tests/**/*.Tests.csproj")
        .Concat(GetFiles("./tests/**/*.ContractTests.csproj"))
        .OrderBy(p => p.FullPath, StringComparer.Ordinal)
        .ToList();
    if (projects.Count == 0)
    {
        throw new CakeException("No test projects found (tests/**/*.Tests.csproj, tests/**/*.ContractTests.csproj).");
    }

    // Old TRX files would be counted again.
    CleanDirectory(testResults);
    StartTestServers();

    var failedRuns = new List<string>();
    foreach (var project in projects)
    {
        var name = project.GetFilenameWithoutExtension().FullPath;
        Information("Testing {0}", name);
        var exitCode = 0;
        DotNetTest(project.FullPath, new DotNetTestSettings
        {
            Configuration = configuration,
            NoBuild = true,
            NoRestore = true,
            Loggers = new List<string> { $"trx;LogFileName={name}.trx" },
            ResultsDirectory = testResults,
            // Record the code instead of throwing, so one failing project does not hide the others' results.
            HandleExitCode = code => { exitCode = code; return true; },
        });
        if (exitCode != 0)
        {
            var built = DirectoryExists(project.GetDirectory().Combine($"bin/{configuration}"));
            failedRuns.Add(built
                ? $"{name}: dotnet test exit code {exitCode}"
                : $"{name}: dotnet test exit code {exitCode}; it has no bin/{configuration} output, is it in {solution.GetFilename()}?");
        }
    }

    var passed = 0;
    var failed = 0;
    foreach (var trx in GetFiles($"{testResults.FullPath}/*.trx"))
    {
        var counters = XDocument.Load(trx.FullPath).Descendants().First(e => e.Name.LocalName == "Counters");
        int Count(string attribute) => int.TryParse((string)counters.Attribute(attribute), out var n) ? n : 0;
        passed += Count("passed");
        failed += Count("failed") + Count("error") + Count("timeout");
    }

    testTotals = $"{passed} passed, {failed} failed";
    if (failedRuns.Count > 0)
    {
        Error("Failed test runs:\n  " + string.Join("\n  ", failedRuns));
    }

    WriteTotals();
    if (failed > 0 || failedRuns.Count > 0)
    {
        throw new CakeException($"Tests failed ({testTotals}; {failedRuns.Count} of {projects.Count} test runs failed).");
    }
});

Task("Pack")
    .IsDependentOn("Build")
    .Does(() =>
{
    CleanDirectory(packages);
    var packable = GetFiles("./src/*/*.csproj").ToList();
    packable.Add(root.CombineWithFilePath("generator/ModuleGen.Generator/ModuleGen.Generator.csproj"));
    foreach (var project in packable)
    {
        DotNetPack(project.FullPath, new DotNetPackSettings
        {
            Configuration = configuration,
            NoBuild = true,
            NoRestore = true,
            OutputDirectory = packages,
            VersionSuffix = string.IsNullOrEmpty(versionSuffix) ? null : versionSuffix,
        });
    }
});

Task("Generate")
    .Description("Copies src/ModuleGen.Line's generated sources to artifacts/generated and prints the generator's summary.")
    .IsDependentOn("Build")
    .Does(() =>
{
    var sources = GetFiles($"{lineGeneratedSources.FullPath}/**/*.g.cs").OrderBy(f => f.FullPath, StringComparer.Ordinal).ToList();
    if (sources.Count == 0)
    {
        throw new CakeException(
            $"No generated sources under {root.GetRelativePath(lineGeneratedSources)}: src/ModuleGen.Line must build with " +
            "EmitCompilerGeneratedFiles=true and CompilerGeneratedFilesOutputPath=$(BaseIntermediateOutputPath)generated.");
    }

    CleanDirectory(generatedOutput);
    var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
    foreach (var source in sources)
    {
        // Flatten; two generators can emit the same hint name, so a clash keeps the generator's folder as a prefix.
        var name = source.GetFilename().FullPath;
        if (!taken.Add(name))
        {
            name = $"{source.GetDirectory().GetDirectoryName()}.{name}";
            taken.Add(name);
        }

        CopyFile(source, generatedOutput.CombineWithFilePath(name));
    }

    var manifest = sources.FirstOrDefault(f => f.GetFilename().FullPath.EndsWith("ModuleGen.Manifest.g.cs", StringComparison.Ordinal))
        ?? throw new CakeException(
            $"The generator's manifest (*ModuleGen.Manifest.g.cs) is not among the {sources.Count} generated sources: " +
            "is ModuleGen.Generator referenced as an analyzer by src/ModuleGen.Line, and did it run without errors?");
    var summary = System.IO.File.ReadLines(manifest.FullPath)
        .Select(line => Regex.Match(line, @"^\s*//\s*modulegen-summary:\s*clients=(\d+)\s+operations=(\d+)\s+models=(\d+)\s*$"))
        .FirstOrDefault(match => match.Success)
        ?? throw new CakeException($"{manifest.GetFilename()} has no '// modulegen-summary: clients=N operations=N models=N' line.");

    var (clients, operations, models) = (summary.Groups[1].Value, summary.Groups[2].Value, summary.Groups[3].Value);
    Information($"Generated {clients} clients, {operations} operations, {models} models from spec/ -> artifacts/generated");
});

Task("Demo")
    .Description("Runs the reservation module's story against the in-process fake LINE platform and prints it; fails when a step misbehaves.")
    .IsDependentOn("Build")
    .Does(() =>
{
    var exitCode = StartProcess("dotnet", new ProcessSettings
    {
        Arguments = $"run --project samples/ModuleGen.Samples.Reservations.Demo --configuration {configuration} --no-build",
        WorkingDirectory = root,
    });
    if (exitCode != 0)
    {
        throw new CakeException($"The reservation module's story failed (exit code {exitCode}); its transcript above says which step.");
    }
});

Task("OpenApi")
    .Description("Exports spec/*.yaml as one self-contained OpenAPI 3.0 document, artifacts/openapi/line.json (for NSwag, Kiota, Postman, doc sites).")
    .Does(() =>
{
    var tool = root.CombineWithFilePath("bench/ModuleGen.OpenApiExport/ModuleGen.OpenApiExport.csproj");
    DotNetBuild(tool.FullPath, new DotNetBuildSettings { Configuration = configuration });
    RunDotNet($"bench/ModuleGen.OpenApiExport/bin/{configuration}/net10.0/ModuleGen.OpenApiExport.dll spec {root.GetRelativePath(openApiDocument)}",
        "exporting spec/ as one OpenAPI document");
});

Task("Bench")
    .Description("Runs the BenchmarkDotNet sets (generator; clients with the NSwag/Kiota/Refit peers; webhook reader) and the endpoint load loop, and writes the measured section of docs/performance.md. Not part of Default or Test; a few minutes on 2 cores.")
    .IsDependentOn("OpenApi")
    .Does(() =>
{
    // The peers project is outside ModuleGen.sln (its build runs NSwag and Kiota), so each bench project is built here.
    foreach (var project in new[] { "ModuleGen.Bench.Generator", "ModuleGen.Bench.Peers", "ModuleGen.Bench.Endpoint" })
    {
        DotNetBuild($"bench/{project}/{project}.csproj", new DotNetBuildSettings { Configuration = configuration });
    }

    CleanDirectory(benchResults);
    var tables = new List<string>();
    foreach (var (project, title) in new[] { ("ModuleGen.Bench.Generator", "Generator"), ("ModuleGen.Bench.Peers", "Clients and webhook reader") })
    {
        var output = benchResults.Combine(project);
        RunDotNet($"bench/{project}/bin/{configuration}/net10.0/{project}.dll --filter * --artifacts {root.GetRelativePath(output)}", $"{project} benchmarks");
        var report = GetFiles($"{output.FullPath}/results/*-report-github.md").OrderBy(f => f.FullPath, StringComparer.Ordinal).ToList();
        if (report.Count == 0)
        {
            throw new CakeException($"{project} wrote no GitHub markdown report under {root.GetRelativePath(output)}/results.");
        }

        tables.Add($"### {title}\n\n" + string.Join("\n", report.Select(f => System.IO.File.ReadAllText(f.FullPath).Trim())));
    }

    var endpointLines = new List<string>();
    foreach (var scenario in new[] { "bare", "inmemory", "sqlite" })
    {
        var lines = CaptureDotNet($"bench/ModuleGen.Bench.Endpoint/bin/{configuration}/net10.0/ModuleGen.Bench.Endpoint.dll {scenario} 10", $"endpoint load loop ({scenario})");
        endpointLines.Add(lines.Last(line => line.StartsWith(scenario + " ", StringComparison.Ordinal)));
    }

    WritePerformanceSection(tables, endpointLines);
    Information("Wrote the measured section of {0}", root.GetRelativePath(performanceDoc));
});

Teardown(context => StopTestServers());

Task("Default")
    .IsDependentOn("Build")
    .IsDependentOn("Generate")
    .IsDependentOn("Pack")
    .IsDependentOn("Demo");

// Cake writes its task table when RunTarget ends, and a failure's error after that; repeat the totals below both so CI
// can read them from the last line. Exit(1) replaces the rethrow whose error Cake would print last.
try
{
    RunTarget(target);
}
catch (Exception failure) when (testTotals is not null)
{
    Error(failure.Message);
    WriteTotals();
    System.Environment.Exit(1);
}

if (testTotals is not null)
{
    WriteTotals();
}

void RunDotNet(string arguments, string what)
{
    var exitCode = StartProcess("dotnet", new ProcessSettings { Arguments = arguments, WorkingDirectory = root });
    if (exitCode != 0)
    {
        throw new CakeException($"{what} failed (exit code {exitCode}).");
    }
}

List<string> CaptureDotNet(string arguments, string what)
{
    var exitCode = StartProcess("dotnet", new ProcessSettings { Arguments = arguments, WorkingDirectory = root, RedirectStandardOutput = true }, out var output);
    var lines = output.ToList();
    lines.ForEach(line => Information(line));
    if (exitCode != 0)
    {
        throw new CakeException($"{what} failed (exit code {exitCode}).");
    }

    return lines;
}

// docs/performance.md is hand-written around one generated section between two markers; only that section is replaced.
void WritePerformanceSection(List<string> tables, List<string> endpointLines)
{
    const string begin = "<!-- bench:begin (written by ./build.sh --target=Bench; edits inside are overwritten) -->";
    const string end = "<!-- bench:end -->";
    var text = System.IO.File.ReadAllText(performanceDoc.FullPath);
    var from = text.IndexOf(begin, StringComparison.Ordinal);
    var to = text.IndexOf(end, StringComparison.Ordinal);
    if (from < 0 || to < from)
    {
        throw new CakeException($"{root.GetRelativePath(performanceDoc)} lacks the '{begin}' ... '{end}' markers.");
    }

    var bare = EndpointRate(endpointLines[0]);
    var section = new StringBuilder();
    section.AppendLine(begin);
    section.AppendLine();
    section.AppendLine($"Last run: {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC. Machine: {MachineLine()}.");
    section.AppendLine();
    foreach (var table in tables)
    {
        section.AppendLine(table);
        section.AppendLine();
    }

    section.AppendLine("### Webhook endpoint (loopback, 16 senders, 10 s after a warm-up until the JIT settles)");
    section.AppendLine();
    section.AppendLine("| scenario | req/s | vs bare | run |");
    section.AppendLine("|---|---:|---:|---|");
    foreach (var line in endpointLines)
    {
        var rate = EndpointRate(line);
        section.AppendLine($"| {line.Split(' ')[0]} | {rate:F0} | {rate / bare:F2}x | {line.Substring(line.IndexOf('(')).Trim('(', ')')} |");
    }

    section.AppendLine();
    section.Append(end);
    System.IO.File.WriteAllText(performanceDoc.FullPath, text.Substring(0, from) + section + text.Substring(to + end.Length));
}

static double EndpointRate(string line) => double.Parse(line.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);

static string MachineLine()
{
    var cpu = System.IO.File.Exists("/proc/cpuinfo")
        ? System.IO.File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
        : null;
    var load = System.IO.File.Exists("/proc/loadavg") ? System.IO.File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
    return $"{cpu ?? System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture.ToString()}, {System.Environment.ProcessorCount} cores, " +
        $"{System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {System.Environment.Version}, load average {load} at the end of the run";
}

// Plain Console, not Cake's log: the log wraps lines in ANSI colour codes even when output is redirected.
void WriteTotals() => Console.WriteLine(testTotals);

// A PostgreSQL cluster and a redis-server on free loopback ports, where their binaries exist, named to the tests by
// MODULEGEN_TEST_POSTGRES and MODULEGEN_TEST_REDIS. Without them the tests start servers of their own (and fail,
// saying what to install, where there are no binaries); a variable already set names a server to use instead.
void StartTestServers()
{
    if (string.IsNullOrEmpty(EnvironmentVariable("MODULEGEN_TEST_POSTGRES"))
        && FindBinary("initdb", "/usr/local/bin", "/usr/lib/postgresql/15/bin", "/usr/lib/postgresql/16/bin") is { } initdb)
    {
        postgres = ThrowawayPostgres.Start(initdb);
        System.Environment.SetEnvironmentVariable("MODULEGEN_TEST_POSTGRES", postgres.ConnectionString);
        Information("PostgreSQL for the tests: {0}", postgres.ConnectionString);
    }

    if (string.IsNullOrEmpty(EnvironmentVariable("MODULEGEN_TEST_REDIS"))
        && FindBinary("redis-server", "/usr/bin", "/usr/local/bin") is { } redisServer)
    {
        var port = FreePort();
        var start = new System.Diagnostics.ProcessStartInfo(redisServer)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            WorkingDirectory = System.IO.Path.GetTempPath(),
        };
        foreach (var argument in new[] { "--port", port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no" })
        {
            start.ArgumentList.Add(argument);
        }

        redis = System.Diagnostics.Process.Start(start);
        redis.OutputDataReceived += (_, _) => { };
        redis.BeginOutputReadLine();
        System.Environment.SetEnvironmentVariable("MODULEGEN_TEST_REDIS", $"127.0.0.1:{port}");
        Information("Redis for the tests: 127.0.0.1:{0}", port);
    }
}

void StopTestServers()
{
    if (redis is { HasExited: false })
    {
        redis.Kill();
        redis.WaitForExit();
    }

    postgres?.Stop();
}

static string FindBinary(string name, params string[] extraDirectories) =>
    (System.Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(System.IO.Path.PathSeparator)
        .Concat(extraDirectories)
        .Select(directory => System.IO.Path.Combine(directory, name))
        .FirstOrDefault(System.IO.File.Exists);

static int FreePort()
{
    var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
    listener.Start();
    var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    listener.Stop();
    return port;
}

// initdb in a temp dir owned by postgres (PostgreSQL refuses to run as root: its tools run through runuser then),
// trust auth on 127.0.0.1 only, no fsync: the data is thrown away.
sealed class ThrowawayPostgres
{
    private readonly string _pgCtl;
    private readonly string _directory;
    private readonly string _user;

    private ThrowawayPostgres(string pgCtl, string directory, string user, int port)
    {
        (_pgCtl, _directory, _user) = (pgCtl, directory, user);
        ConnectionString = $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres";
    }

    public string ConnectionString { get; }

    public static ThrowawayPostgres Start(string initdb)
    {
        var user = System.Environment.UserName == "root" ? "postgres" : null;
        var directory = System.IO.Directory.CreateTempSubdirectory("modulegen-build-pg-").FullName;
        if (user is not null)
        {
            Run("chown", null, user, directory);
        }

        var pgCtl = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(initdb), "pg_ctl");
        var port = FreePort();
        Run(initdb, user, "-D", directory, "-U", "postgres", "-A", "trust", "--no-sync");
        Run(pgCtl, user, "-D", directory, "-l", System.IO.Path.Combine(directory, "server.log"), "-w", "start",
            "-o", $"-p {port} -k {directory} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200");
        return new ThrowawayPostgres(pgCtl, directory, user, port);
    }

    public void Stop()
    {
        Run(_pgCtl, _user, "-D", _directory, "-m", "immediate", "-w", "stop");
        System.IO.Directory.Delete(_directory, recursive: true);
    }

    private static void Run(string file, string user, params string[] arguments)
    {
        var start = new System.Diagnostics.ProcessStartInfo(user is null ? file : "runuser")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (user is not null)
        {
            foreach (var argument in new[] { "-u", user, "--", file })
            {
                start.ArgumentList.Add(argument);
            }
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = System.Diagnostics.Process.Start(start);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new Exception($"{file} {string.Join(" ", arguments)} failed ({process.ExitCode}): {output.Result}{error.Result}");
        }
    }
}
