using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ModuleGen.Generator.Tests.Infrastructure;

/// <summary>Builds the compilation a consuming project would have and runs ModuleGen's generator over it.</summary>
internal static class GeneratorDriverHarness
{
    public const string ConsumerSource = """
        namespace Consumer;

        public static class Program
        {
            public static int Answer => 42;
        }
        """;

    private static readonly Lazy<ImmutableArray<MetadataReference>> LazyReferences = new(LoadReferences);

    public static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.Latest);

    /// <summary>The framework (trusted platform assemblies) plus the ModuleGen.Line runtime the output targets.</summary>
    public static ImmutableArray<MetadataReference> References => LazyReferences.Value;

    public static CSharpCompilation CreateCompilation(params string[] sources)
        => CreateCompilation(References, sources);

    /// <summary>
    /// A consumer that references the framework only, as one that forgot the ModuleGen.Line package; with
    /// <paramref name="sources"/>, a consumer whose own code stands in for another version of the runtime.
    /// </summary>
    public static CSharpCompilation CreateCompilationWithoutRuntime(params string[] sources)
        => CreateCompilation(
            References.Where(reference => !string.Equals(Path.GetFileName(reference.Display), "ModuleGen.Line.dll", StringComparison.Ordinal)).ToImmutableArray(),
            sources);

    private static CSharpCompilation CreateCompilation(ImmutableArray<MetadataReference> references, params string[] sources)
        => CSharpCompilation.Create(
            "ModuleGen.Generator.Tests.Consumer",
            (sources.Length == 0 ? new[] { ConsumerSource } : sources).Select(source => CSharpSyntaxTree.ParseText(source, ParseOptions)),
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public static GeneratorDriver CreateDriver(SpecProject project)
        => CSharpGeneratorDriver.Create(
            new[] { new ModuleGenGenerator().AsSourceGenerator() },
            project.AdditionalTexts,
            ParseOptions,
            project.CreateOptionsProvider(),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>
    /// Runs a fresh driver over a fresh consumer compilation (plus <paramref name="sources"/>), then, as every
    /// generator test should, runs it again on a clone of that compilation and checks that every step was reused
    /// and that no step output holds Roslyn objects or reference-equal collections. Returns the first run.
    /// </summary>
    public static GeneratorRun Run(SpecProject project, params string[] sources)
    {
        var first = RunOnce(project, sources);
        if (first.Result.Exception is null)
        {
            IncrementalSteps.ShouldBeReusedOnRerun(first);
        }

        return first;
    }

    /// <summary>One run of a fresh driver, without the rerun check (for tests that look at the first run's failure).</summary>
    public static GeneratorRun RunOnce(SpecProject project, params string[] sources) => Run(CreateDriver(project), CreateCompilation(sources));

    public static GeneratorRun Run(GeneratorDriver driver, Compilation compilation)
    {
        var updated = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        return new GeneratorRun(updated, compilation, output, updated.GetRunResult());
    }

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        var trusted = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return trusted
            .Append(typeof(ModuleGen.Line.LineClientPipeline).Assembly.Location)
            .Select(Path.GetFullPath)
            .Distinct(StringComparer.Ordinal)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
    }
}
