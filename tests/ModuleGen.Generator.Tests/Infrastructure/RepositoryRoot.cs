using System;
using System.IO;

namespace ModuleGen.Generator.Tests.Infrastructure;

internal static class RepositoryRoot
{
    /// <summary>The folder holding ModuleGen.sln, found by walking up from the test output.</summary>
    public static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ModuleGen.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No ModuleGen.sln above {AppContext.BaseDirectory}.");
    }

    public static string TestProjectDirectory => Path.Combine(Find(), "tests", "ModuleGen.Generator.Tests");
}
