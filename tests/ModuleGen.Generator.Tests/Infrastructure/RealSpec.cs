using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace ModuleGen.Generator.Tests.Infrastructure;

/// <summary>
/// The repository's spec/*.yaml, copied into the test output by the project file. Handed to the generator under a
/// fixed virtual folder so that nothing it reports depends on where the tests run.
/// </summary>
internal static class RealSpec
{
    public const string VirtualDirectory = "/repo/spec";

    public const string Common = "common.yaml";
    public const string Module = "module.yaml";
    public const string ModuleAttach = "module-attach.yaml";
    public const string MessagingApi = "messaging-api.yaml";

    public static string Directory => Path.Combine(AppContext.BaseDirectory, "spec");

    /// <summary>Every spec file present (drafts, *.yaml.draft, are not copied), ordered by name.</summary>
    public static IReadOnlyList<string> FileNames
        => System.IO.Directory.GetFiles(Directory, "*.yaml")
            .Select(path => Path.GetFileName(path))
            .OrderBy(name => name, StringComparer.Ordinal)
            .ToList();

    public static string PhysicalPath(string fileName) => Path.Combine(Directory, fileName);

    public static string VirtualPath(string fileName) => VirtualDirectory + "/" + fileName;

    public static string Read(string fileName) => File.ReadAllText(PhysicalPath(fileName));

    /// <summary>A project opting in the three Module API files the snapshots are taken from.</summary>
    public static SpecProject ModuleApiProject() => Project(Common, Module, ModuleAttach);

    public static SpecProject Project(params string[] fileNames)
        => fileNames.Aggregate(SpecProject.Create(), (project, name) => project.WithSpec(VirtualPath(name), Read(name)));
}
