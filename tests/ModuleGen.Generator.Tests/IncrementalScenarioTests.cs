using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using ModuleGen.Generator.Helpers;
using ModuleGen.Generator.Model;
using ModuleGen.Generator.Tests.Infrastructure;
using Shouldly;
using Xunit;

namespace ModuleGen.Generator.Tests;

/// <summary>One edit per test, and what each pipeline step then recomputes and which files are emitted again.</summary>
public sealed class IncrementalScenarioTests
{
    // TestSpecs.Widgets: its client and its model namespace sort after every Module API one. Roslyn pairs SelectMany
    // items by position, so an item inserted in the middle would also show the items after it as Modified.
    private const string WidgetsPath = RealSpec.VirtualDirectory + "/widgets.yaml";

    [Fact]
    public void UnrelatedCSharpEditDoesNotRegenerate()
    {
        var first = GeneratorDriverHarness.Run(RealSpec.ModuleApiProject());
        var edited = first.InputCompilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText(
            "namespace Consumer; public sealed class Unrelated { public int Value { get; set; } }",
            GeneratorDriverHarness.ParseOptions));

        var second = first.RunAgain(edited);

        foreach (var name in IncrementalSteps.GeneratorStepNames)
        {
            second.Outputs(name).ShouldAllBe(output => output.Reason == IncrementalStepRunReason.Cached, name);
        }

        ReemittedOutputs(second).ShouldBeEmpty();
        second.HintNames.ShouldBe(first.HintNames);
    }

    [Fact]
    public void WhitespaceOnlyYamlEditLeavesTheModelUnchangedAndEmitsNothingAgain()
    {
        var project = RealSpec.ModuleApiProject();
        var first = GeneratorDriverHarness.Run(project);
        var original = RealSpec.Read(RealSpec.Module);
        var reformatted = original
            .Replace("\npaths:\n", "\n\n\npaths:\n", StringComparison.Ordinal)
            .Replace("operationId: detachModule\n", "operationId: detachModule   \n", StringComparison.Ordinal)
            .Replace("\ncomponents:\n", "\n   \n\ncomponents:\n", StringComparison.Ordinal) + "\n\n";
        reformatted.ShouldNotBe(original);

        var second = first.RunAgain(driver => driver.ReplaceAdditionalText(
            project.Text(RealSpec.VirtualPath(RealSpec.Module)),
            new InMemoryAdditionalText(RealSpec.VirtualPath(RealSpec.Module), reformatted)));

        Reasons(second, TrackingNames.SpecFiles).Count(reason => reason == IncrementalStepRunReason.Modified).ShouldBe(1);
        Reasons(second, TrackingNames.ApiModel).ShouldBe(new[] { IncrementalStepRunReason.Unchanged });
        Reasons(second, TrackingNames.Clients).ShouldAllBe(reason => reason == IncrementalStepRunReason.Cached);
        Reasons(second, TrackingNames.Schemas).ShouldAllBe(reason => reason == IncrementalStepRunReason.Cached);
        ReemittedOutputs(second).ShouldBeEmpty();
    }

    [Fact]
    public void ChangingOneOperationReemitsOnlyItsClient()
    {
        var (first, second) = RunBeforeAndAfterEdit(
            RealSpec.ModuleApiProject(),
            RealSpec.Module,
            "summary: Give control of one chat back to the Primary Channel.",
            "summary: Hand control of one chat back to the Primary Channel.");

        Reasons(second, TrackingNames.ApiModel).ShouldBe(new[] { IncrementalStepRunReason.Modified });
        ClientReasons(second).ShouldBe(new Dictionary<string, IncrementalStepRunReason>
        {
            ["LineModuleAttachClient"] = IncrementalStepRunReason.Unchanged,
            ["LineModuleClient"] = IncrementalStepRunReason.Modified,
        });
        Reasons(second, TrackingNames.Schemas).ShouldAllBe(reason => IncrementalSteps.IsReused(reason));
        ReemittedOutputs(second).ShouldBe(new[] { "Clients.LineModuleClient Modified" });
        second.Source("Clients.LineModuleClient.g.cs").ShouldContain("/// <summary>Hand control of one chat back to the Primary Channel.</summary>");
        second.Source("Clients.LineModuleAttachClient.g.cs").ShouldBe(first.Source("Clients.LineModuleAttachClient.g.cs"));
    }

    [Fact]
    public void ChangingOneOperationSummaryInTheFullSpecReemitsOnlyItsClient()
    {
        // The whole of spec/, where schemas are shared across files: a summary is no part of any model, so no model file,
        // no other client and not the manifest may be emitted again.
        var (_, second) = EditOneSummaryInTheFullSpec();

        ClientReasons(second).Where(pair => !IncrementalSteps.IsReused(pair.Value))
            .ShouldBe(new[] { new KeyValuePair<string, IncrementalStepRunReason>("MessagingApiClient", IncrementalStepRunReason.Modified) });
        Reasons(second, TrackingNames.Schemas).ShouldAllBe(reason => IncrementalSteps.IsReused(reason));
        Reasons(second, TrackingNames.Summary).ShouldAllBe(reason => IncrementalSteps.IsReused(reason));
        ReemittedOutputs(second).ShouldBe(new[] { "Clients.MessagingApiClient Modified" });
        second.Source("Clients.MessagingApiClient.g.cs").ShouldContain("/// <summary>Get the channel's webhook endpoint URL.</summary>");
    }

    [Fact]
    public void ChangingOneOperationSummaryInTheFullSpecLoadsOnlyItsFileAndLeavesTheSchemasCached()
    {
        var (first, second) = EditOneSummaryInTheFullSpec();

        var otherFiles = RealSpec.FileNames.Count - 1;
        Reasons(second, TrackingNames.SpecFiles).Count(reason => reason == IncrementalStepRunReason.Cached).ShouldBe(otherFiles);
        Reasons(second, TrackingNames.SpecFiles).Count(reason => reason == IncrementalStepRunReason.Modified).ShouldBe(1);
        Reasons(second, TrackingNames.SchemaSources).Count(reason => reason == IncrementalStepRunReason.Cached).ShouldBe(otherFiles);
        Reasons(second, TrackingNames.SchemaSources).Count(reason => reason == IncrementalStepRunReason.Unchanged).ShouldBe(1);
        Reasons(second, TrackingNames.SchemaCatalog).ShouldBe(new[] { IncrementalStepRunReason.Cached });
        Reasons(second, TrackingNames.ApiModel).ShouldBe(new[] { IncrementalStepRunReason.Modified });

        // The YAML of an unchanged file is loaded once: its (cached) text is the key of its loaded document.
        var loadedBefore = LoadedDocuments(first);
        var loadedAfter = LoadedDocuments(second);
        loadedAfter.Keys.Where(path => !path.EndsWith("/" + RealSpec.MessagingApi, StringComparison.Ordinal))
            .Count(path => ReferenceEquals(loadedBefore[path], loadedAfter[path])).ShouldBe(otherFiles);
    }

    [Fact]
    public void ASchemaProblemFollowsItsNodeWhenAnEarlierOperationSummaryGrowsByLines()
    {
        const string path = "/specs/things.yaml";
        var original = TestSpecs.ThingsHeader + """
              /pet:
                get:
                  operationId: getPet
                  summary: Get the pet.
                  responses:
                    '200': { description: OK }
            components:
              schemas:
                Pet:
                  oneOf:
                    - { type: string }
                    - { type: integer }
            """;
        var edited = original.Replace("summary: Get the pet.", "summary: >-\n        Get the pet,\n        whichever it is.", StringComparison.Ordinal);
        var project = SpecProject.Create().WithSpec(path, original);
        var first = GeneratorDriverHarness.Run(project);

        var second = first.RunAgain(driver => driver.ReplaceAdditionalText(project.Text(path), new InMemoryAdditionalText(path, edited)));

        Reasons(second, TrackingNames.SchemaCatalog).ShouldBe(new[] { IncrementalStepRunReason.Cached });
        var before = first.SingleDiagnostic();
        var after = second.SingleDiagnostic();
        after.Id.ShouldBe("MG0004");
        after.GetMessage().ShouldBe(before.GetMessage());
        before.Location.SourceSpan.Start.ShouldBe(original.IndexOf("oneOf", StringComparison.Ordinal));
        after.Location.SourceSpan.Start.ShouldBe(edited.IndexOf("oneOf", StringComparison.Ordinal));
        after.Location.GetLineSpan().StartLinePosition.ShouldBe(new Microsoft.CodeAnalysis.Text.LinePosition(
            before.Location.GetLineSpan().StartLinePosition.Line + 2,
            before.Location.GetLineSpan().StartLinePosition.Character));
    }

    [Fact]
    public void ChangingOneSchemaReemitsOnlyItsModel()
    {
        var (_, second) = RunBeforeAndAfterEdit(
            RealSpec.ModuleApiProject(),
            RealSpec.Module,
            "description: An OA bot the module is attached to.",
            "description: A bot the module acts for.");

        Reasons(second, TrackingNames.Clients).ShouldAllBe(reason => IncrementalSteps.IsReused(reason));
        ReemittedOutputs(second).ShouldBe(new[] { "TestApi.Models.ModuleBot Modified" });
    }

    [Fact]
    public void NewYamlFileProducesNewOutputsOnlyForItsOwnClientAndSchema()
    {
        var project = RealSpec.ModuleApiProject().WithOptInMetadataFor(WidgetsPath);
        var first = GeneratorDriverHarness.Run(project);

        var second = first.RunAgain(driver => driver.AddAdditionalTexts(
            System.Collections.Immutable.ImmutableArray.Create<AdditionalText>(new InMemoryAdditionalText(WidgetsPath, TestSpecs.Widgets))));

        second.Diagnostics.ShouldBeEmpty();
        Reasons(second, TrackingNames.SpecFiles).ShouldBe(new[]
        {
            IncrementalStepRunReason.Cached, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Cached, IncrementalStepRunReason.New,
        });
        ClientReasons(second).ShouldBe(new Dictionary<string, IncrementalStepRunReason>
        {
            ["LineModuleAttachClient"] = IncrementalStepRunReason.Unchanged,
            ["LineModuleClient"] = IncrementalStepRunReason.Unchanged,
            ["WidgetClient"] = IncrementalStepRunReason.New,
        });
        SchemaReasons(second).Where(pair => !IncrementalSteps.IsReused(pair.Value))
            .ShouldBe(new[] { new KeyValuePair<string, IncrementalStepRunReason>("TestApi.Widgets.Widget", IncrementalStepRunReason.New) });

        // The manifest counts clients, operations and models, so it is the one existing file that must change.
        ReemittedOutputs(second).ShouldBe(new[] { "Clients.WidgetClient New", "Summary Modified", "TestApi.Widgets.Widget New" });
        second.HintNames.Except(first.HintNames).ShouldBe(new[] { "Clients.WidgetClient.g.cs", "Widgets.Widget.g.cs" });
        second.CompilationProblems().Select(diagnostic => diagnostic.ToString()).ShouldBeEmpty();
    }

    /// <summary>Runs the whole of spec/, then reruns it after one operation summary in messaging-api.yaml changed.</summary>
    private static (GeneratorRun First, GeneratorRun Second) EditOneSummaryInTheFullSpec()
        => RunBeforeAndAfterEdit(
            RealSpec.Project(RealSpec.FileNames.ToArray()),
            RealSpec.MessagingApi,
            "summary: Get the channel's webhook endpoint.",
            "summary: Get the channel's webhook endpoint URL.");

    /// <summary>Runs <paramref name="project"/>, then reruns it after one replacement in its spec file <paramref name="fileName"/>.</summary>
    private static (GeneratorRun First, GeneratorRun Second) RunBeforeAndAfterEdit(SpecProject project, string fileName, string before, string after)
    {
        var first = GeneratorDriverHarness.Run(project);
        var original = RealSpec.Read(fileName);
        var edited = original.Replace(before, after, StringComparison.Ordinal);
        edited.ShouldNotBe(original);

        var second = first.RunAgain(driver => driver.ReplaceAdditionalText(
            project.Text(RealSpec.VirtualPath(fileName)),
            new InMemoryAdditionalText(RealSpec.VirtualPath(fileName), edited)));
        return (first, second);
    }

    private static Dictionary<string, ModuleGen.Generator.Parsing.LoadedSpecFile> LoadedDocuments(GeneratorRun run)
        => run.Outputs(TrackingNames.SpecFiles)
            .Select(output => (SpecFileText)output.Value)
            .ToDictionary(file => file.Path, ModuleGen.Generator.Parsing.LoadedSpecFile.Of);

    private static IReadOnlyList<IncrementalStepRunReason> Reasons(GeneratorRun run, string step)
        => run.Outputs(step).Select(output => output.Reason).ToList();

    private static Dictionary<string, IncrementalStepRunReason> ClientReasons(GeneratorRun run)
        => run.Outputs(TrackingNames.Clients).ToDictionary(output => ((ClientSpec)output.Value).Name, output => output.Reason);

    private static Dictionary<string, IncrementalStepRunReason> SchemaReasons(GeneratorRun run)
        => run.Outputs(TrackingNames.Schemas).ToDictionary(output => (((SchemaSpec, GeneratorOptions))output.Value).Item1.FullName, output => output.Reason);

    /// <summary>"What Reason" for every source output that was not simply reused from the previous run.</summary>
    private static IReadOnlyList<string> ReemittedOutputs(GeneratorRun run)
        => run.SourceOutputSteps
            .SelectMany(step => step.Outputs.Where(output => output.Reason != IncrementalStepRunReason.Cached)
                .Select(output => Label(IncrementalSteps.InputValue(step)) + " " + output.Reason))
            .OrderBy(label => label, StringComparer.Ordinal)
            .ToList();

    private static string Label(object input) => input switch
    {
        ClientSpec client => "Clients." + client.Name,
        (SchemaSpec schema, GeneratorOptions) => schema.FullName,
        SummarySpec => "Summary",
        ImmutableEquatableArray<DiagnosticInfo> => "Diagnostics",
        _ => input.GetType().Name,
    };
}
