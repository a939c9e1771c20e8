using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using ModuleGen.Generator;
using YamlDotNet.RepresentationModel;

namespace ModuleGen.Bench.Generator;

/// <summary>
/// The generator over all of spec/: a cold run, a rerun after an unrelated C# edit, and a rerun after one operation's
/// description changed, each from the same warmed driver. The baseline parses the same files with YamlStream.Load.
/// </summary>
[BenchmarkCategory("generator")]
public class GeneratorBenchmarks
{
    private const string Consumer = "namespace Consumer; public static class Program { public static int Answer => 42; }";
    private static readonly CSharpParseOptions Parse = new(LanguageVersion.Latest);

    private ImmutableArray<AdditionalText> _specs;
    private CSharpCompilation _compilation = null!;
    private CSharpCompilation _editedCompilation = null!;
    private GeneratorDriver _warmDriver = null!;
    private AdditionalText _messagingApi = null!;
    private AdditionalText _messagingApiEdited = null!;

    [GlobalSetup]
    public void Setup()
    {
        _specs = SpecFiles.Load();
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Append(typeof(ModuleGen.Line.LineClientPipeline).Assembly.Location)
            .Distinct(StringComparer.Ordinal)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path));
        _compilation = CSharpCompilation.Create(
            "Bench.Consumer",
            [CSharpSyntaxTree.ParseText(Consumer, Parse)],
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        _editedCompilation = _compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Consumer; internal static class Edited { }", Parse));
        _warmDriver = NewDriver().RunGenerators(_compilation);

        _messagingApi = _specs.Single(text => text.Path.EndsWith("messaging-api.yaml", StringComparison.Ordinal));
        var original = ((SpecFiles.SpecText)_messagingApi).Text;
        const string Summary = "summary: Get the channel's webhook endpoint.";
        if (!original.Contains(Summary, StringComparison.Ordinal))
        {
            throw new InvalidOperationException("messaging-api.yaml no longer has the summary the description edit changes.");
        }

        _messagingApiEdited = new SpecFiles.SpecText(_messagingApi.Path, original.Replace(Summary, "summary: Get the channel's webhook endpoint URL.", StringComparison.Ordinal));
        var check = _warmDriver.RunGenerators(_compilation).GetRunResult();
        if (check.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error) || check.GeneratedTrees.Length < 100)
        {
            throw new InvalidOperationException($"The generator produced {check.GeneratedTrees.Length} files and {check.Diagnostics.Length} diagnostics over spec/.");
        }
    }

    [Benchmark(Baseline = true)]
    public int Generator_YamlStreamLoad()
    {
        var nodes = 0;
        foreach (SpecFiles.SpecText spec in _specs)
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(spec.Text));
            nodes += stream.Documents.Count;
        }

        return nodes;
    }

    [Benchmark]
    public GeneratorDriver Generator_ColdRun() => NewDriver().RunGenerators(_compilation);

    [Benchmark]
    public GeneratorDriver Generator_RerunAfterUnrelatedCSharpEdit() => _warmDriver.RunGenerators(_editedCompilation);

    [Benchmark]
    public GeneratorDriver Generator_RerunAfterOneDescriptionChanged()
        => _warmDriver.ReplaceAdditionalText(_messagingApi, _messagingApiEdited).RunGenerators(_compilation);

    private GeneratorDriver NewDriver()
        => CSharpGeneratorDriver.Create(
            [new ModuleGenGenerator().AsSourceGenerator()],
            _specs,
            Parse,
            SpecFiles.Options(_specs),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: false));
}
