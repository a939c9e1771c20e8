using System.Linq;
using ModuleGen.Generator.Tests.Infrastructure;
using Shouldly;
using Xunit;

namespace ModuleGen.Generator.Tests;

/// <summary>Which AdditionalFiles the generator reads, and where the generated code goes.</summary>
public sealed class OptInTests
{
    [Fact]
    public void YamlAdditionalFileWithoutMetadataOutsideTheSpecDirectoryGeneratesNothing()
    {
        var project = SpecProject.Create()
            .WithProperty("ProjectDir", "/project/")
            .WithProperty("ModuleGenSpecDirectory", "spec")
            .WithAdditionalFile("/project/openapi/widgets.yaml", TestSpecs.Widgets);

        var run = GeneratorDriverHarness.Run(project);

        run.Result.GeneratedSources.ShouldBeEmpty();
        run.Diagnostics.ShouldBeEmpty();
        run.Outputs(TrackingNames.SpecFiles).ShouldBeEmpty();
    }

    [Fact]
    public void YamlAdditionalFileWithoutMetadataAndWithoutSpecDirectoryGeneratesNothing()
    {
        var run = GeneratorDriverHarness.Run(SpecProject.Create().WithAdditionalFile("/project/widgets.yaml", TestSpecs.Widgets));

        run.Result.GeneratedSources.ShouldBeEmpty();
        run.Diagnostics.ShouldBeEmpty();
    }

    [Fact]
    public void TheSameFileWithModuleGenSpecMetadataGenerates()
    {
        var project = SpecProject.Create()
            .WithProperty("ProjectDir", "/project/")
            .WithProperty("ModuleGenSpecDirectory", "spec")
            .WithSpec("/project/openapi/widgets.yaml", TestSpecs.Widgets);

        var run = GeneratorDriverHarness.Run(project);

        run.HintNames.ShouldBe(TestSpecs.WidgetsHintNames);
        run.Diagnostics.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("spec")]
    [InlineData("spec/")]
    [InlineData("./spec")]
    public void YamlFileUnderTheConfiguredSpecDirectoryGeneratesWithoutMetadata(string directory)
    {
        var project = SpecProject.Create()
            .WithProperty("ProjectDir", "/project/")
            .WithProperty("ModuleGenSpecDirectory", directory)
            .WithAdditionalFile("/project/spec/widgets.yaml", TestSpecs.Widgets);

        var run = GeneratorDriverHarness.Run(project);

        run.HintNames.ShouldBe(TestSpecs.WidgetsHintNames);
        run.Diagnostics.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("/project/spec-old/widgets.yaml")]
    [InlineData("/project/specification/widgets.yaml")]
    [InlineData("/project/spec/widgets.json")]
    [InlineData("/project/spec/widgets.yaml.draft")]
    public void FilesThatOnlyLookLikeTheyAreUnderTheSpecDirectoryAreIgnored(string path)
    {
        var project = SpecProject.Create()
            .WithProperty("ProjectDir", "/project/")
            .WithProperty("ModuleGenSpecDirectory", "spec")
            .WithAdditionalFile(path, TestSpecs.Widgets);

        var run = GeneratorDriverHarness.Run(project);

        run.Result.GeneratedSources.ShouldBeEmpty();
    }

    [Fact]
    public void ModelsGoUnderModuleGenNamespaceWhenItIsSet()
    {
        var project = SpecProject.Create("Contoso.Line").WithProperty("RootNamespace", "Contoso.App").WithSpec("/p/widgets.yaml", TestSpecs.Widgets);

        var run = GeneratorDriverHarness.Run(project);

        run.Model.Clients.Single().Namespace.ShouldBe("Contoso.Line");
        run.Model.Schemas.Single().FullName.ShouldBe("Contoso.Line.Widgets.Widget");
        run.Source("Clients.WidgetClient.g.cs").ShouldContain("namespace Contoso.Line\n{");
    }

    [Fact]
    public void NamespaceFallsBackToRootNamespace()
    {
        var project = SpecProject.Create(moduleGenNamespace: null).WithProperty("RootNamespace", "Contoso.App").WithSpec("/p/widgets.yaml", TestSpecs.Widgets);

        var run = GeneratorDriverHarness.Run(project);

        run.Model.Schemas.Single().FullName.ShouldBe("Contoso.App.Widgets.Widget");
        run.CompilationProblems().ShouldBeEmpty();
    }

    [Fact]
    public void NamespaceDefaultsToModuleGenGeneratedWithoutEitherProperty()
    {
        var run = GeneratorDriverHarness.Run(SpecProject.Create(moduleGenNamespace: null).WithSpec("/p/widgets.yaml", TestSpecs.Widgets));

        run.Model.Clients.Single().Namespace.ShouldBe("ModuleGen.Generated");
    }

    [Fact]
    public void AnOptedInFileThatDoesNotExistIsReportedAsNotFound()
    {
        var run = GeneratorDriverHarness.Run(SpecProject.Create().WithMissingSpec("/project/spec/partner.yaml"));

        var diagnostic = run.Diagnostics.ShouldHaveSingleItem();
        diagnostic.Id.ShouldBe("MG0009");
        diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)
            .ShouldBe("The spec file '/project/spec/partner.yaml' is opted in (a ModuleGenSpec item) but was not found");
    }

    [Fact]
    public void WithoutTheRuntimeOneDiagnosticSaysWhatToReferenceAndNothingIsGenerated()
    {
        var project = SpecProject.Create().WithSpec("/project/widgets.yaml", TestSpecs.Widgets);

        var run = GeneratorDriverHarness.Run(GeneratorDriverHarness.CreateDriver(project), GeneratorDriverHarness.CreateCompilationWithoutRuntime());

        run.Result.GeneratedSources.ShouldBeEmpty();
        var diagnostic = run.Diagnostics.ShouldHaveSingleItem();
        diagnostic.Id.ShouldBe("MG0010");
        diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture).ShouldContain("<PackageReference Include=\"ModuleGen.Line\" />");
        run.OutputCompilation.GetDiagnostics().Where(d => d.Id == "CS0400").ShouldBeEmpty();
    }

    [Theory]
    [InlineData("public static class LineRuntimeContract { public const int Version = 999; }", 999)]
    [InlineData("", 0)]
    public void ARuntimeOfAnotherContractVersionGetsOneDiagnosticNamingBothVersionsAndNothingIsGenerated(string contract, int provided)
    {
        // A ModuleGen.Line from another release (or one from before the contract was versioned, which has no contract type).
        var runtime = "namespace ModuleGen.Line { public sealed class LineClientPipeline { } } namespace ModuleGen.Line.Runtime { " + contract + " }";
        var project = SpecProject.Create().WithSpec("/project/widgets.yaml", TestSpecs.Widgets);

        var run = GeneratorDriverHarness.Run(GeneratorDriverHarness.CreateDriver(project), GeneratorDriverHarness.CreateCompilationWithoutRuntime(runtime));

        run.Result.GeneratedSources.ShouldBeEmpty();
        var diagnostic = run.Diagnostics.ShouldHaveSingleItem();
        diagnostic.Id.ShouldBe("MG0011");
        diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture).ShouldBe(
            $"This ModuleGen.Generator writes code for runtime contract {ModuleGen.Line.Runtime.LineRuntimeContract.Version}, but the referenced ModuleGen.Line provides contract {provided}: reference the same version of ModuleGen.Generator and ModuleGen.Line (nothing was generated)");
    }
}
