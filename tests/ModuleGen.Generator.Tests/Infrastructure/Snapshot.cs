using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Xunit;

namespace ModuleGen.Generator.Tests.Infrastructure;

/// <summary>
/// Compares generated files with the baselines checked in under Snapshots/. A difference fails the test; setting
/// MODULEGEN_UPDATE_SNAPSHOTS=1 rewrites the baselines in the source tree and still fails, so that a changed output is
/// always reviewed as a diff and never accepted silently.
/// </summary>
internal static class Snapshot
{
    public const string UpdateVariable = "MODULEGEN_UPDATE_SNAPSHOTS";

    private const string FolderName = "Snapshots";

    public static bool UpdateRequested => Environment.GetEnvironmentVariable(UpdateVariable) == "1";

    public static void Verify(IReadOnlyDictionary<string, string> actualByFileName)
    {
        if (UpdateRequested)
        {
            var written = Update(actualByFileName);
            Assert.Fail(
                $"{UpdateVariable}=1: wrote {written.Count} baseline(s) to {SourceFolder}. Review the diff, then run the tests again without {UpdateVariable}.\n"
                + string.Join("\n", written));
        }

        // Read from the source tree, not a copy in bin/, so a baseline deleted by an update cannot linger.
        var folder = SourceFolder;
        var baselineNames = Directory.Exists(folder)
            ? Directory.GetFiles(folder).Select(path => Path.GetFileName(path)).ToHashSet(StringComparer.Ordinal)
            : new HashSet<string>(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var name in baselineNames.Except(actualByFileName.Keys).OrderBy(n => n, StringComparer.Ordinal))
        {
            problems.Add($"{name}: a baseline exists but the generator no longer emits this file.");
        }

        foreach (var (name, actual) in actualByFileName.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            if (!baselineNames.Contains(name))
            {
                problems.Add($"{name}: no baseline.");
                continue;
            }

            if (FirstDifference(Normalize(File.ReadAllText(Path.Combine(folder, name))), Normalize(actual)) is { } difference)
            {
                problems.Add($"{name}: {difference}");
            }
        }

        if (problems.Count > 0)
        {
            Assert.Fail(
                "Generated files differ from their baselines in Snapshots/:\n" + string.Join("\n", problems)
                + $"\nIf the change is intended, run the tests with {UpdateVariable}=1 and review the diff.");
        }
    }

    private static string SourceFolder => Path.Combine(RepositoryRoot.TestProjectDirectory, FolderName);

    private static List<string> Update(IReadOnlyDictionary<string, string> actualByFileName)
    {
        Directory.CreateDirectory(SourceFolder);
        var report = new List<string>();
        foreach (var stale in Directory.GetFiles(SourceFolder).Where(path => !actualByFileName.ContainsKey(Path.GetFileName(path))))
        {
            File.Delete(stale);
            report.Add("deleted " + Path.GetFileName(stale));
        }

        foreach (var (name, text) in actualByFileName.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            File.WriteAllText(Path.Combine(SourceFolder, name), Normalize(text), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            report.Add("wrote " + name);
        }

        return report;
    }

    // A checkout with core.autocrlf must not make every baseline differ.
    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);

    private static string? FirstDifference(string expected, string actual)
    {
        if (expected == actual)
        {
            return null;
        }

        var expectedLines = expected.Split('\n');
        var actualLines = actual.Split('\n');
        for (var i = 0; i < Math.Max(expectedLines.Length, actualLines.Length); i++)
        {
            var expectedLine = i < expectedLines.Length ? expectedLines[i] : "<end of file>";
            var actualLine = i < actualLines.Length ? actualLines[i] : "<end of file>";
            if (expectedLine != actualLine)
            {
                return $"line {i + 1} differs.\n  baseline:  {expectedLine}\n  generated: {actualLine}";
            }
        }

        return "the files differ only in their line endings or final newline.";
    }
}
