using System.Linq;
using Microsoft.CodeAnalysis;
using ModuleGen.Generator.Tests.Infrastructure;
using Shouldly;
using Xunit;

namespace ModuleGen.Generator.Tests;

/// <summary>Each diagnostic: ID, severity, file, 0-based start line and column, and message, asserted together.</summary>
public sealed class DiagnosticTests
{
    private const string Path = "/specs/things.yaml";

    // Lines 0-4 of most documents below.
    private const string Header = TestSpecs.ThingsHeader + """

        """;

    [Fact]
    public void TabIndentationIsInvalidYaml()
    {
        const string yaml = "openapi: 3.0.3\ninfo:\n  title: Broken\n\tversion: '1.0'\n";

        var diagnostic = Run(yaml).SingleDiagnostic();

        // YamlDotNet marks the plain scalar whose continuation line starts with the tab; the span ends at the tab.
        diagnostic.ShouldBeAt("MG0001", DiagnosticSeverity.Error, Path, 2, 9, $"The spec file '{Path}' is not valid YAML: ", "tab");
        diagnostic.Location.GetLineSpan().EndLinePosition.ShouldBe(new Microsoft.CodeAnalysis.Text.LinePosition(3, 0));
    }

    [Fact]
    public void UnclosedFlowSequenceIsInvalidYamlAtTheEndOfTheFile()
    {
        const string yaml = "openapi: 3.0.3\ninfo: { title: T, version: '1' }\ntags: [one, two\n";

        var diagnostic = Run(yaml).SingleDiagnostic();

        diagnostic.ShouldBeAt("MG0001", DiagnosticSeverity.Error, Path, 3, 0, $"The spec file '{Path}' is not valid YAML: ", "did not find expected ',' or ']'");
    }

    [Fact]
    public void OperationWithoutOperationIdIsReportedAtItsMethod()
    {
        var yaml = Header + """
              /things:
                get:
                  responses:
                    '200': { description: OK }
            """;

        var run = Run(yaml);

        run.SingleDiagnostic().ShouldBe("MG0002", DiagnosticSeverity.Error, Path, 6, 4, "The operation GET /things is missing the required field 'operationId'");
        run.Model.Clients.ShouldBeEmpty();
    }

    [Fact]
    public void PathTemplateWithoutItsParameterIsReportedAtTheOperation()
    {
        var yaml = Header + """
              /things/{thingId}:
                get:
                  operationId: getThing
                  responses:
                    '200': { description: OK }
            """;

        var run = Run(yaml);

        run.SingleDiagnostic().ShouldBe("MG0002", DiagnosticSeverity.Error, Path, 6, 4, "The operation 'getThing' declares no path parameter named 'thingId', which its path template uses");
        run.Model.Clients.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("#/components/schemas/Missing", ": the pointer names nothing in the opted-in spec files")]
    [InlineData("absent.yaml#/components/schemas/Thing", ": 'absent.yaml' is not an opted-in spec file (opt it in with <ModuleGenSpec Include=\"…/absent.yaml\" /> or put it under $(ModuleGenSpecDirectory))")]
    public void UnresolvedReferenceIsReportedAtTheRefValueWithWhy(string reference, string why)
    {
        var yaml = Header + $$"""
              /things:
                get:
                  operationId: listThings
                  responses:
                    '200':
                      description: OK
                      content:
                        application/json:
                          schema: { $ref: '{{reference}}' }
            """;

        var run = Run(yaml);

        run.SingleDiagnostic().ShouldBe("MG0003", DiagnosticSeverity.Error, Path, 13, 30, $"The $ref '{reference}' does not resolve{why}");
        run.Model.Clients.ShouldBeEmpty();
    }

    [Fact]
    public void OneOfIsAWarningThatSkipsItsSchemaAndTheOperationUsingItButNothingElse()
    {
        var yaml = Header + """
              /pet:
                get:
                  operationId: getPet
                  responses:
                    '200':
                      description: OK
                      content:
                        application/json:
                          schema: { $ref: '#/components/schemas/Pet' }
              /owner:
                get:
                  operationId: getOwner
                  responses:
                    '200':
                      description: OK
                      content:
                        application/json:
                          schema: { $ref: '#/components/schemas/Owner' }
            components:
              schemas:
                Pet:
                  oneOf:
                    - { $ref: '#/components/schemas/Cat' }
                    - { $ref: '#/components/schemas/Dog' }
                Cat:
                  type: object
                  properties:
                    meows: { type: boolean }
                Dog:
                  type: object
                  properties:
                    barks: { type: boolean }
                Owner:
                  type: object
                  properties:
                    name: { type: string }
            """;

        var run = Run(yaml);

        run.SingleDiagnostic().ShouldBe(
            "MG0004",
            DiagnosticSeverity.Warning,
            Path,
            26,
            6,
            "'oneOf' (use a discriminator with allOf sub-schemas instead) is not supported by ModuleGen; the schema 'Pet' was skipped");
        run.Model.Clients.Single().Operations.Select(operation => operation.OperationId).ShouldBe(new[] { "getOwner" });
        run.HintNames.ShouldBe(new[] { "Clients.ThingsClient.g.cs", "Models.Cat.g.cs", "Models.Dog.g.cs", "Models.Owner.g.cs", "ModuleGen.Manifest.g.cs" });
        run.Source("Clients.ThingsClient.g.cs").ShouldNotContain("GetPetAsync");
        run.CompilationProblems().Select(diagnostic => diagnostic.ToString()).ShouldBeEmpty();
    }

    [Fact]
    public void PaginationNamingAMissingPropertyIsAnInvalidExtension()
    {
        var yaml = Header + """
              /things:
                get:
                  operationId: getThings
                  x-modulegen-pagination:
                    items: entries
                    next: next
                    token: start
                  parameters:
                    - { name: start, in: query, schema: { type: string } }
                  responses:
                    '200':
                      description: OK
                      content:
                        application/json:
                          schema: { $ref: '#/components/schemas/ThingPage' }
            components:
              schemas:
                ThingPage:
                  type: object
                  properties:
                    things: { type: array, items: { type: string } }
                    next: { type: string }
            """;

        var run = Run(yaml);

        run.SingleDiagnostic().ShouldBe(
            "MG0005",
            DiagnosticSeverity.Error,
            Path,
            9,
            8,
            "The extension 'x-modulegen-pagination' is invalid: the response of 'getThings' has no array property 'entries'");
    }

    [Fact]
    public void RateLimitPerFortnightIsAnInvalidExtension()
    {
        var yaml = Header + """
              /things:
                get:
                  operationId: getThings
                  x-modulegen-rate-limit: { requests: 10, per: fortnight }
                  responses:
                    '200': { description: OK }
            """;

        var run = Run(yaml);

        run.SingleDiagnostic().ShouldBe(
            "MG0005",
            DiagnosticSeverity.Error,
            Path,
            8,
            30,
            "The extension 'x-modulegen-rate-limit' is invalid: it needs 'requests' (a positive integer) and 'per' (second, minute or hour), not requests: 10, per: fortnight");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void DuplicateOperationIdAcrossFilesIsReportedOnTheLaterFileWhateverTheInputOrder(bool reversed)
    {
        var project = SpecProject.Create()
            .WithSpec("/specs/a.yaml", Header.Replace("Things", "A") + OneOperation("/first", "getThing"))
            .WithSpec("/specs/b.yaml", Header.Replace("Things", "B") + OneOperation("/second", "getThing"));

        var run = GeneratorDriverHarness.Run(reversed ? project.WithAdditionalTextsReversed() : project);

        run.SingleDiagnostic().ShouldBe("MG0006", DiagnosticSeverity.Error, "/specs/b.yaml", 7, 19, "The operationId 'getThing' is already used by GET /first in a.yaml");
        run.Model.Clients.Single().Operations.Single().PathTemplate.ShouldBe("/first");
    }

    [Fact]
    public void SameSchemaNameInTwoFilesOfOneNamespaceIsADuplicate()
    {
        const string components = """
            paths: {}
            components:
              schemas:
                Thing:
                  type: object
                  properties:
                    id: { type: string }
            """;
        var project = SpecProject.Create()
            .WithSpec("/specs/a.yaml", "openapi: 3.0.3\ninfo: { title: A, version: '1.0' }\n" + components)
            .WithSpec("/specs/b.yaml", "openapi: 3.0.3\ninfo: { title: B, version: '1.0' }\n" + components);

        var run = GeneratorDriverHarness.Run(project);

        run.SingleDiagnostic().ShouldBe("MG0007", DiagnosticSeverity.Error, "/specs/b.yaml", 6, 6, "The schema 'Thing' is already defined in namespace 'TestApi.Models' by a.yaml line 7");
    }

    [Fact]
    public void TwoOptedInFilesWithOneFileNameInDifferentFoldersAreAnInvalidValue()
    {
        var project = SpecProject.Create()
            .WithSpec("/specs/v1/api.yaml", Header + OneOperation("/v1/things", "getThingV1"))
            .WithSpec("/specs/v2/api.yaml", Header + OneOperation("/v2/things", "getThingV2"));

        var run = GeneratorDriverHarness.Run(project);

        run.SingleDiagnostic().ShouldBe(
            "MG0008",
            DiagnosticSeverity.Error,
            "/specs/v2/api.yaml",
            0,
            0,
            "The spec file '/specs/v2/api.yaml' has an invalid value: another opted-in spec file is also named 'api.yaml'; $ref resolves by file name");
        run.Model.Clients.Single().Operations.Single().OperationId.ShouldBe("getThingV1");
    }

    [Fact]
    public void UnknownSchemaTypeIsAnInvalidValueAtItsTypeKey()
    {
        const string yaml = """
            openapi: 3.0.3
            info: { title: Things, version: '1.0' }
            paths: {}
            components:
              schemas:
                Thing:
                  type: datetime
            """;

        var run = Run(yaml);

        run.SingleDiagnostic().ShouldBe("MG0008", DiagnosticSeverity.Error, Path, 6, 6, "The schema 'Thing' has an invalid value: unknown type 'datetime'");
        run.Result.GeneratedSources.ShouldBeEmpty();
    }

    private static GeneratorRun Run(string yaml) => GeneratorDriverHarness.Run(SpecProject.Create().WithSpec(Path, yaml));

    // Lines 5-9 after Header; the operationId value starts at line 7, column 19.
    private static string OneOperation(string path, string operationId) => $$"""
          {{path}}:
            get:
              operationId: {{operationId}}
              responses:
                '200': { description: OK }
        """;
}
