using System.Collections.Generic;
using System.Linq;
using ModuleGen.Generator.Tests.Infrastructure;
using Shouldly;
using Xunit;

namespace ModuleGen.Generator.Tests;

/// <summary>
/// A spec the generator cannot handle gives diagnostics, never an exception that kills the generator (or, worse, a
/// stack overflow that kills the compiler). Each document runs in its own process so that one crash fails one test.
/// </summary>
public sealed class BrokenSpecTests
{
    private const string Head = """
        openapi: 3.0.3
        info: { title: Broken, version: '1.0' }
        servers:
          - url: https://api.example

        """;

    private static readonly Dictionary<string, string> Documents = new()
    {
        ["an empty file"] = string.Empty,
        ["a scalar document"] = "just a string\n",
        ["a list document"] = "- openapi\n- 3.0.3\n",
        ["paths: 5"] = "openapi: 3.0.3\ninfo: { title: Broken, version: '1.0' }\npaths: 5\n",
        ["an operation that is a string"] = Head + "paths:\n  /things:\n    get: list the things\n",
        ["a path item that is a list"] = Head + "paths:\n  /things: [get, post]\n",
        ["a $ref to #/nowhere"] = GetThingsAnswering("#/nowhere"),
        ["a $ref cycle a -> b -> a between two component aliases"] = GetThingsAnswering("#/components/schemas/A") + """
            components:
              schemas:
                A: { $ref: '#/components/schemas/B' }
                B: { $ref: '#/components/schemas/A' }
            """,
        ["a discriminator mapping to a schema that does not allOf the base"] = Head + """
            paths: {}
            components:
              schemas:
                Pet:
                  type: object
                  discriminator:
                    propertyName: kind
                    mapping:
                      cat: '#/components/schemas/Cat'
                  properties:
                    kind: { type: string }
                Cat:
                  type: object
                  properties:
                    meows: { type: boolean }
            """,
        ["an unclosed flow sequence followed by another key"] = "openapi: 3.0.3\ntags: [one, two\npaths: {}\n",
        ["a path that is a sequence instead of a string"] = Head + "paths:\n  ? [/things]\n  : { get: { operationId: getThings } }\n",
        ["a schema name that is a sequence"] = Head + "paths: {}\ncomponents:\n  schemas:\n    ? [Thing]\n    : { type: string }\n",
        ["a property name that is a sequence"] = Head + """
            paths: {}
            components:
              schemas:
                Thing:
                  type: object
                  properties:
                    ? [id]
                    : { type: string }
            """,
        ["a schema that is allOf itself"] = Head + """
            paths: {}
            components:
              schemas:
                Thing:
                  allOf:
                    - $ref: '#/components/schemas/Thing'
            """,
        ["two schemas that are allOf each other"] = Head + """
            paths: {}
            components:
              schemas:
                A:
                  allOf:
                    - $ref: '#/components/schemas/B'
                B:
                  allOf:
                    - $ref: '#/components/schemas/A'
            """,
        ["an inline schema whose $ref points at itself"] = GetThingsAnswering("#/paths/~1things/get/responses/200/content/application~1json/schema"),
        ["a parameter $ref that points at itself"] = Head + """
            paths:
              /things:
                get:
                  operationId: getThings
                  parameters:
                    - $ref: '#/components/parameters/Limit'
                  responses:
                    '200': { description: OK }
            components:
              parameters:
                Limit: { $ref: '#/components/parameters/Limit' }
            """,
        ["a response $ref that points at itself"] = Head + """
            paths:
              /things:
                get:
                  operationId: getThings
                  responses:
                    '200': { $ref: '#/components/responses/Ok' }
            components:
              responses:
                Ok: { $ref: '#/components/responses/Ok' }
            """,
    };

    /// <summary>A document whose one operation, getThings, answers 200 with JSON of the schema <paramref name="reference"/> points at.</summary>
    private static string GetThingsAnswering(string reference) => Head + $$"""
        paths:
          /things:
            get:
              operationId: getThings
              responses:
                '200':
                  description: OK
                  content:
                    application/json:
                      schema: { $ref: '{{reference}}' }

        """;

    public static TheoryData<string> Brokenness => new(Documents.Keys);

    [Theory]
    [MemberData(nameof(Brokenness))]
    public void BrokenSpecNeverThrowsAndIsReported(string brokenness)
    {
        var run = IsolatedGeneratorRun.Start("/specs/broken.yaml", Documents[brokenness]);

        run.ExitCode.ShouldBe(0, $"the generator crashed the process:\n{run.ErrorOutput}");
        run.Exception.ShouldBeNull("the generator threw; Roslyn reports CS8785 and drops all of its output");
        run.ModuleGenDiagnostics.ShouldNotBeEmpty("a broken spec must produce at least one MG diagnostic");
    }

    [Fact]
    public void IsolatedRunReportsDiagnosticsOfAValidRun()
    {
        // The child-process plumbing itself: a clean spec gives exit code 0, no exception and no diagnostics.
        var run = IsolatedGeneratorRun.Start("/specs/widgets.yaml", TestSpecs.Widgets);

        run.ExitCode.ShouldBe(0, run.ErrorOutput);
        run.Exception.ShouldBeNull();
        run.Diagnostics.ShouldBeEmpty();
    }

    [Fact]
    public void IsolatedRunCarriesDiagnosticPositionsAndMessages()
    {
        var run = IsolatedGeneratorRun.Start("/specs/broken.yaml", Documents["an empty file"]);

        run.Diagnostics.ShouldBe(new[] { "MG0001 0:0 The spec file '/specs/broken.yaml' is not valid YAML: the document is empty or is not a mapping" });
    }
}
