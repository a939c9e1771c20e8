using System;
using System.IO;

namespace ModuleGen.Testing.WireMock;

/// <summary>Finds the WireMock standalone jar and the <c>java</c> launcher, with errors that say how to fix a gap.</summary>
internal static class WireMockInstallation
{
    internal const string JarFileName = "wiremock-standalone-3.13.2.jar";
    private const string SolutionFileName = "ModuleGen.sln";
    private static readonly string JarPathInRepository = Path.Combine("tests", "wiremock", "node_modules", "wiremock", "build", JarFileName);

    internal static string FindJar()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(WireMockServer.JarEnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return File.Exists(fromEnvironment)
                ? Path.GetFullPath(fromEnvironment)
                : throw new FileNotFoundException(
                    $"{WireMockServer.JarEnvironmentVariable} points at '{fromEnvironment}', which does not exist. " +
                    $"Point it at {JarFileName}, or unset it and run `npm ci` in tests/wiremock.",
                    fromEnvironment);
        }

        var repositoryRoot = FindRepositoryRoot(AppContext.BaseDirectory);
        var jar = Path.Combine(repositoryRoot, JarPathInRepository);
        return File.Exists(jar)
            ? jar
            : throw new FileNotFoundException(
                $"The WireMock jar is missing at '{jar}'. Run `npm ci` in tests/wiremock (it pins the npm package wiremock@3.13.2, " +
                $"which ships the jar), or set {WireMockServer.JarEnvironmentVariable} to a copy of {JarFileName}.",
                jar);
    }

    /// <summary>
    /// <c>$JAVA_HOME/bin/java</c> when JAVA_HOME names a JDK/JRE, else plain <c>java</c> resolved from PATH at start-up.
    /// </summary>
    internal static string FindJava()
    {
        var javaHome = Environment.GetEnvironmentVariable("JAVA_HOME");
        if (!string.IsNullOrWhiteSpace(javaHome))
        {
            var launcher = Path.Combine(javaHome, "bin", OperatingSystem.IsWindows() ? "java.exe" : "java");
            if (File.Exists(launcher))
            {
                return launcher;
            }
        }

        return "java";
    }

    internal static string JavaMissingMessage(string java) =>
        $"Could not start '{java}': Java is not installed or not on PATH. WireMock 3 needs Java 11 or later; " +
        "install Java 17 (e.g. `apt-get install -y openjdk-17-jre-headless`) or set JAVA_HOME.";

    private static string FindRepositoryRoot(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, SolutionFileName)))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException(
            $"No folder above '{start}' contains {SolutionFileName}, so the WireMock jar cannot be located. " +
            $"Set {WireMockServer.JarEnvironmentVariable} to the path of {JarFileName}.");
    }
}
