using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace ModuleGen.Generator.Tests.Infrastructure;

/// <summary>
/// A consuming project as the generator sees it: its AdditionalFiles (with or without <c>ModuleGenSpec="true"</c>)
/// and its MSBuild properties. Immutable; every <c>With…</c> returns a new project.
/// </summary>
internal sealed class SpecProject
{
    /// <summary>
    /// ModuleGen.Line already holds generated Module API types in ModuleGen.Line.*; output compiled against it goes
    /// to another namespace so the two never clash.
    /// </summary>
    public const string DefaultNamespace = "TestApi";

    public const string OptInMetadata = "build_metadata.AdditionalFiles.ModuleGenSpec";

    private SpecProject(
        ImmutableArray<AdditionalText> additionalTexts,
        ImmutableHashSet<string> optedInPaths,
        ImmutableDictionary<string, string> properties)
    {
        AdditionalTexts = additionalTexts;
        OptedInPaths = optedInPaths;
        Properties = properties;
    }

    public ImmutableArray<AdditionalText> AdditionalTexts { get; }

    public ImmutableHashSet<string> OptedInPaths { get; }

    public ImmutableDictionary<string, string> Properties { get; }

    public static SpecProject Create(string? moduleGenNamespace = DefaultNamespace)
    {
        var project = new SpecProject(
            ImmutableArray<AdditionalText>.Empty,
            ImmutableHashSet.Create<string>(StringComparer.Ordinal),
            ImmutableDictionary.Create<string, string>(StringComparer.Ordinal));
        return moduleGenNamespace is null ? project : project.WithProperty("ModuleGenNamespace", moduleGenNamespace);
    }

    /// <summary>A spec opted in the way the package's targets do it: <c>ModuleGenSpec="true"</c> metadata.</summary>
    public SpecProject WithSpec(string path, string text)
        => new(AdditionalTexts.Add(new InMemoryAdditionalText(path, text)), OptedInPaths.Add(path), Properties);

    /// <summary>A <c>ModuleGenSpec</c> item whose file does not exist.</summary>
    public SpecProject WithMissingSpec(string path)
        => new(AdditionalTexts.Add(new InMemoryAdditionalText(path, null)), OptedInPaths.Add(path), Properties);

    /// <summary>A plain AdditionalFiles item, without the opt-in metadata.</summary>
    public SpecProject WithAdditionalFile(string path, string text)
        => new(AdditionalTexts.Add(new InMemoryAdditionalText(path, text)), OptedInPaths, Properties);

    /// <summary>Declares the opt-in metadata for a path that is not an AdditionalFiles item yet (added to a driver later).</summary>
    public SpecProject WithOptInMetadataFor(string path) => new(AdditionalTexts, OptedInPaths.Add(path), Properties);

    /// <summary>An MSBuild property made compiler-visible by the package's props (<c>build_property.{name}</c>).</summary>
    public SpecProject WithProperty(string name, string value)
        => new(AdditionalTexts, OptedInPaths, Properties.SetItem("build_property." + name, value));

    public SpecProject WithAdditionalTextsReversed()
        => new(AdditionalTexts.Reverse().ToImmutableArray(), OptedInPaths, Properties);

    public AdditionalText Text(string path) => AdditionalTexts.Single(text => text.Path == path);

    public TestAnalyzerConfigOptionsProvider CreateOptionsProvider()
        => new(
            Properties,
            OptedInPaths.ToImmutableDictionary(
                path => path,
                _ => ImmutableDictionary<string, string>.Empty.Add(OptInMetadata, "true"),
                StringComparer.Ordinal));
}
