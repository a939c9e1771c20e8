using System;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using Shouldly;
using Xunit;

namespace ModuleGen.Docs.Tests;

/// <summary>What every package carries: its own readme, and a version from the one place versions come from.</summary>
public sealed class PackageTests
{
    private static readonly DirectoryInfo Root = FindRoot();

    [Fact]
    public void EveryPackableProjectHasAReadmeOfItsOwn()
    {
        var projects = Root.GetDirectories("src").Single().GetFiles("*.csproj", SearchOption.AllDirectories)
            .Concat(Root.GetDirectories("generator").Single().GetFiles("*.csproj", SearchOption.AllDirectories))
            .Where(project => !project.FullName.Contains("/obj/", StringComparison.Ordinal))
            .ToList();

        projects.ShouldNotBeEmpty();
        projects.Where(project => !File.Exists(Path.Combine(project.DirectoryName!, "README.md")))
            .Select(project => project.Name)
            .ShouldBeEmpty("a packable project without a README.md packs without a readme");
    }

    [Fact]
    public void NoProjectSetsItsOwnVersion()
    {
        var offenders = Root.GetFiles("*.csproj", SearchOption.AllDirectories)
            .Where(project => !project.FullName.Contains("/obj/", StringComparison.Ordinal))
            .Where(project => XDocument.Load(project.FullName).Descendants().Any(e => e.Name.LocalName is "Version" or "VersionPrefix" or "PackageVersion"))
            .Select(project => project.Name);

        offenders.ShouldBeEmpty("versions come from Directory.Build.props only");
    }

    private static DirectoryInfo FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ModuleGen.sln")))
            {
                return directory;
            }
        }

        throw new DirectoryNotFoundException("ModuleGen.sln was not found above the test's folder.");
    }
}
