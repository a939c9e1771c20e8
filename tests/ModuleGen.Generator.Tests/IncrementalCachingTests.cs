using System.Linq;
using Microsoft.CodeAnalysis;
using ModuleGen.Generator.Tests.Infrastructure;
using Shouldly;
using Xunit;

namespace ModuleGen.Generator.Tests;

/// <summary>
/// The NetEscapades.EnumGenerators check: a second run over an unchanged (cloned) compilation reuses every step,
/// and nothing a step hands on can root a compilation or lose structural equality.
/// </summary>
public sealed class IncrementalCachingTests
{
    [Fact]
    public void SecondRunOnAClonedCompilationReusesEveryTrackedStep()
    {
        var first = GeneratorDriverHarness.RunOnce(RealSpec.ModuleApiProject());

        var second = IncrementalSteps.ShouldBeReusedOnRerun(first);

        foreach (var name in IncrementalSteps.GeneratorStepNames)
        {
            second.Outputs(name).ShouldNotBeEmpty($"the step {name} did not run");
        }
    }

    [Fact]
    public void SecondRunGeneratesTheSameFiles()
    {
        var first = GeneratorDriverHarness.RunOnce(RealSpec.ModuleApiProject());

        var second = first.RunAgain(first.InputCompilation.Clone());

        second.HintNames.ShouldBe(first.HintNames);
        foreach (var name in first.HintNames)
        {
            second.Source(name).ShouldBe(first.Source(name), name);
        }
    }

    [Fact]
    public void EveryDeclaredTrackingNameNamesAStepThatRuns()
    {
        var run = GeneratorDriverHarness.Run(RealSpec.ModuleApiProject());

        IncrementalSteps.GeneratorStepNames.ShouldBe(new[] { "ApiModel", "Clients", "Diagnostics", "Options", "SchemaCatalog", "SchemaSources", "Schemas", "SpecFiles", "Summary" });
        IncrementalSteps.GeneratorStepNames.ShouldBeSubsetOf(run.Result.TrackedSteps.Keys);
    }

    [Fact]
    public void StepOutputsHoldNoRoslynObjectsAndOnlyStructurallyEquatableCollections()
    {
        var run = GeneratorDriverHarness.RunOnce(RealSpec.ModuleApiProject());

        var problems = IncrementalSteps.GeneratorStepNames
            .SelectMany(name => run.Outputs(name).SelectMany((output, index) => ModelGraph.FindProblems(output.Value, $"{name}[{index}]")))
            .ToList();

        problems.ShouldBeEmpty();
    }

    [Fact]
    public void ModelGraphCheckRejectsRoslynObjectsAndPlainCollections()
    {
        // The check itself must be able to fail, or the test above proves nothing.
        var compilation = GeneratorDriverHarness.CreateCompilation();

        ModelGraph.FindProblems(compilation, "compilation").ShouldHaveSingleItem().ShouldContain("Compilation");
        ModelGraph.FindProblems(Location.None, "location").ShouldHaveSingleItem().ShouldContain("Location");
        ModelGraph.FindProblems(new InMemoryAdditionalText("/a.yaml", string.Empty), "text").ShouldHaveSingleItem().ShouldContain("AdditionalText");
        ModelGraph.FindProblems(new[] { "a" }, "array").ShouldHaveSingleItem().ShouldContain("String[]");
        ModelGraph.FindProblems(new System.Collections.Generic.List<int>(), "list").ShouldHaveSingleItem().ShouldContain("List<Int32>");
        ModelGraph.FindProblems(System.Collections.Immutable.ImmutableArray.Create(1), "immutable").ShouldHaveSingleItem().ShouldContain("ImmutableArray<Int32>");
        ModelGraph.FindProblems(new System.Collections.Generic.Dictionary<string, int>(), "dictionary").ShouldHaveSingleItem().ShouldContain("Dictionary<String, Int32>");
        ModelGraph.FindProblems(new Holder(compilation.SyntaxTrees.First().GetRoot()), "holder").ShouldHaveSingleItem().ShouldBe("holder.Node: a SyntaxNode (CompilationUnitSyntax)");
    }

    private sealed record Holder(SyntaxNode Node);
}
