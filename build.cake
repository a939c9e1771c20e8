// ModuleGen build: ./build.sh [--target=Default|Clean|Restore|Build|Test|Pack|Generate] [--configuration=Release]
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

// Set by Test; printed again after Cake's task table so it is the run's last line.
string testTotals = null;

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

Task("Test")
    .Description("Runs every tests/**/*.Tests.csproj and *.ContractTests.csproj, then prints 'N passed, N failed'.")
    .IsDependentOn("Build")
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

// Plain Console, not Cake's log: the log wraps lines in ANSI colour codes even when output is redirected.
void WriteTotals() => Console.WriteLine(testTotals);
