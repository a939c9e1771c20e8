using System;
using System.Linq;
using ModuleGen.Generator.Emitting;
using ModuleGen.Generator.Parsing;
using ModuleGen.Generator.Tests.Infrastructure;
using ModuleGen.Line;
using ModuleGen.Line.Runtime;
using Shouldly;
using Xunit;

namespace ModuleGen.Generator.Tests;

/// <summary>
/// The generator names runtime types and enum members in generated code; the contract versions must agree and these
/// mappings must name members that exist.
/// </summary>
public sealed class RuntimeMappingTests
{
    [Fact]
    public void TheGeneratorWritesCodeForTheRuntimeContractVersionTheRuntimeProvides()
    {
        // Bump both together: the emitters' use of ModuleGen.Line.Runtime and the runtime's members change as one.
        RuntimeContract.Version.ShouldBe(LineRuntimeContract.Version);
    }

    [Fact]
    public void EveryRateLimitPeriodTheParserAcceptsNamesAMemberOfTheRuntimeEnum()
    {
        OperationParser.RateLimitPeriods.ShouldNotBeEmpty();
        var members = Enum.GetNames(typeof(LineRateLimitPeriod));

        foreach (var per in OperationParser.RateLimitPeriods)
        {
            members.ShouldContain(ClientEmitter.RateLimitPeriodMember(per), per);
        }

        OperationParser.RateLimitPeriods.Select(ClientEmitter.RateLimitPeriodMember).Distinct(StringComparer.Ordinal).Count()
            .ShouldBe(OperationParser.RateLimitPeriods.Count, "two accepted periods map to the same member");
    }

    [Fact]
    public void ASpecOfYourOwnGetsNoneOfLinesClaims()
    {
        // Retry windows, token lifetimes and where granted scopes come from are LINE's facts: they live in spec/, not in
        // the emitters, so a spec that uses the same extensions without saying them gets none of them.
        const string yaml = TestSpecs.ThingsHeader + """
              /things:
                get:
                  operationId: getThings
                  x-modulegen-rate-limit: { requests: 10, per: minute }
                  x-modulegen-pagination: { items: things, next: next, token: start }
                  parameters:
                    - { name: X-Tenant-Id, in: header, required: true, x-modulegen-scope: Tenant, schema: { type: string } }
                    - { name: start, in: query, schema: { type: string } }
                    - { name: limit, in: query, schema: { type: integer, default: 20 } }
                    - { name: X-Retry-Key, in: header, x-modulegen-idempotency-key: true, schema: { type: string } }
                  responses:
                    '200':
                      description: OK
                      content:
                        application/json:
                          schema:
                            type: object
                            properties:
                              things: { type: array, items: { type: string } }
                              next: { type: string }
            """;

        var run = GeneratorDriverHarness.Run(SpecProject.Create().WithSpec("/specs/things.yaml", yaml));

        run.Diagnostics.ShouldBeEmpty();
        run.CompilationProblems().Select(problem => problem.ToString()).ShouldBeEmpty();
        var client = run.Result.GeneratedSources.Single(source => source.HintName.StartsWith("Clients.", StringComparison.Ordinal)).SourceText.ToString();
        client.ShouldContain("GetAllThingsAsync");
        client.ShouldContain("ForTenant(");
        client.ShouldContain("string? retryKey = null");
        foreach (var source in run.Result.GeneratedSources)
        {
            var text = source.SourceText.ToString();
            foreach (var claim in new[] { "LINE", "24 hours", " OA ", "the OA", "module scopes" })
            {
                text.ShouldNotContain(claim, Case.Sensitive, source.HintName);
            }
        }
    }
}
