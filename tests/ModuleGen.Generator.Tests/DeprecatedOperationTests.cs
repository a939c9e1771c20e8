using ModuleGen.Generator.Tests.Infrastructure;
using Shouldly;
using Xunit;

namespace ModuleGen.Generator.Tests;

/// <summary>What <c>deprecated: true</c> on an operation becomes.</summary>
public sealed class DeprecatedOperationTests
{
    private const string Yaml = TestSpecs.ThingsHeader + """
          /things:
            get:
              operationId: getThings
              deprecated: true
              parameters:
                - { name: start, in: query, schema: { type: string } }
              x-modulegen-pagination: { items: things, next: next, token: start }
              responses:
                '200':
                  description: OK
                  content:
                    application/json:
                      schema:
                        type: object
                        properties:
                          next: { type: string }
                          things: { type: array, items: { type: string } }
          /thing:
            get:
              operationId: getThing
              responses:
                '200': { description: OK }
        """;

    [Fact]
    public void ADeprecatedOperationAndItsPagersAreObsoleteAndTheOtherIsNot()
    {
        var run = GeneratorDriverHarness.Run(SpecProject.Create().WithSpec("/specs/things.yaml", Yaml));

        run.Diagnostics.ShouldBeEmpty();
        var source = run.Source("Clients.ThingsClient.g.cs");
        const string obsolete = "[global::System.Obsolete(\"The spec marks getThings deprecated.\")]";
        // GetThingsAsync and its pager GetAllThingsAsync; GetThingAsync is not deprecated.
        source.Split(obsolete).Length.ShouldBe(3, source);
        source.ShouldContain(obsolete + "\n        public virtual async global::System.Threading.Tasks.Task<global::ModuleGen.Line.LineResponse<", Case.Sensitive, source);
        run.CompilationProblems().ShouldBeEmpty();
    }
}
