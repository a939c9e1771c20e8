using System;
using System.Linq;
using System.Text;
using ModuleGen.Generator.Tests.Infrastructure;
using Shouldly;
using Xunit;

namespace ModuleGen.Generator.Tests;

/// <summary>The same YAML always gives the same files, byte for byte, whatever order MSBuild lists them in.</summary>
public sealed class DeterminismTests
{
    [Fact]
    public void FreshDriversGenerateByteIdenticalSources()
    {
        var first = GeneratorDriverHarness.Run(RealSpec.ModuleApiProject());
        var second = GeneratorDriverHarness.Run(RealSpec.ModuleApiProject());

        ShouldBeByteIdentical(first, second);
    }

    [Fact]
    public void ReversedAdditionalFilesGenerateByteIdenticalSources()
    {
        var project = RealSpec.ModuleApiProject().WithSpec("/repo/spec/widgets.yaml", TestSpecs.Widgets);

        var inOrder = GeneratorDriverHarness.Run(project);
        var reversed = GeneratorDriverHarness.Run(project.WithAdditionalTextsReversed());

        project.WithAdditionalTextsReversed().AdditionalTexts.Select(text => text.Path)
            .ShouldBe(project.AdditionalTexts.Select(text => text.Path).Reverse());
        ShouldBeByteIdentical(inOrder, reversed);
        reversed.Model.ShouldBe(inOrder.Model);
    }

    [Fact]
    public void ReversedFilesReportTheSameDiagnosticsInTheSameOrder()
    {
        const string duplicate = """
            openapi: 3.0.3
            info: { title: Dup, version: '1.0' }
            paths: {}
            components:
              schemas:
                ErrorResponse:
                  type: object
            """;
        var project = RealSpec.ModuleApiProject().WithSpec("/repo/spec/zz-dup.yaml", duplicate).WithSpec("/repo/spec/aa-dup.yaml", duplicate);

        var inOrder = GeneratorDriverHarness.Run(project);
        var reversed = GeneratorDriverHarness.Run(project.WithAdditionalTextsReversed());

        inOrder.Diagnostics.ShouldNotBeEmpty();
        reversed.Diagnostics.Select(d => d.ToString()).ShouldBe(inOrder.Diagnostics.Select(d => d.ToString()));
        ShouldBeByteIdentical(inOrder, reversed);
    }

    private static void ShouldBeByteIdentical(GeneratorRun expected, GeneratorRun actual)
    {
        actual.HintNames.ShouldBe(expected.HintNames);
        foreach (var name in expected.HintNames)
        {
            var expectedBytes = Encoding.UTF8.GetBytes(expected.Source(name));
            var actualBytes = Encoding.UTF8.GetBytes(actual.Source(name));
            actualBytes.AsSpan().SequenceEqual(expectedBytes).ShouldBeTrue(name);
        }
    }
}
