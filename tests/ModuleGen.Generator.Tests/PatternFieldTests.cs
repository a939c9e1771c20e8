using System;
using System.Linq;
using System.Text.RegularExpressions;
using ModuleGen.Generator.Tests.Infrastructure;
using Shouldly;
using Xunit;

namespace ModuleGen.Generator.Tests;

/// <summary>
/// One regex mechanism in generated code: each generated type holds one static readonly Regex per distinct pattern, and
/// every pattern check (scope or constraint) calls LineArgument.Matches with such a field, never with a pattern string.
/// </summary>
public sealed class PatternFieldTests
{
    private static readonly Regex RegexField = new(
        @"private static readonly global::System\.Text\.RegularExpressions\.Regex (?<name>\w+) = new global::System\.Text\.RegularExpressions\.Regex\((?<pattern>""(?:[^""\\]|\\.)*""), global::System\.Text\.RegularExpressions\.RegexOptions\.CultureInvariant\);",
        RegexOptions.CultureInvariant);

    private static readonly Regex MatchesWithString = new(@"LineArgument\.Matches\([^,]+, """, RegexOptions.CultureInvariant);

    [Fact]
    public void EveryPatternCheckOfSpecUsesAFieldOfItsTypeAndNoTypeRepeatsAPattern()
    {
        var run = GeneratorDriverHarness.Run(RealSpec.Project(RealSpec.FileNames.ToArray()));

        foreach (var source in run.Result.GeneratedSources)
        {
            var text = source.SourceText.ToString();
            MatchesWithString.IsMatch(text).ShouldBeFalse(source.HintName);
            text.ShouldNotContain("GeneratedRegex", Case.Sensitive, source.HintName);
            var patterns = RegexField.Matches(text).Select(match => match.Groups["pattern"].Value).ToList();
            patterns.ShouldBeUnique(source.HintName);
        }

        run.Result.GeneratedSources.Sum(source => RegexField.Matches(source.SourceText.ToString()).Count).ShouldBeGreaterThan(1);
    }

    [Fact]
    public void PropertiesSharingAPatternShareOneField()
    {
        const string yaml = TestSpecs.ThingsHeader + """
              /thing:
                post:
                  operationId: postThing
                  parameters:
                    - { name: code, in: query, required: true, schema: { type: string, pattern: '^[a-z]+$' } }
                    - { name: other, in: query, schema: { type: string, pattern: '^[a-z]+$' } }
                  requestBody:
                    required: true
                    content:
                      application/json:
                        schema: { $ref: '#/components/schemas/Thing' }
                  responses:
                    '200': { description: OK }
            components:
              schemas:
                Thing:
                  type: object
                  properties:
                    first: { type: string, pattern: '^[a-z]+$' }
                    second: { type: string, pattern: '^[a-z]+$' }
                    third: { type: string, pattern: '^[0-9]+$' }
            """;

        var run = GeneratorDriverHarness.Run(SpecProject.Create().WithSpec("/specs/things.yaml", yaml));

        run.Diagnostics.ShouldBeEmpty();
        run.CompilationProblems().Select(problem => problem.ToString()).ShouldBeEmpty();
        var model = run.Result.GeneratedSources.Single(source => source.HintName.EndsWith(".Thing.g.cs", StringComparison.Ordinal)).SourceText.ToString();
        RegexField.Matches(model).Select(match => match.Groups["name"].Value).ShouldBe(new[] { "s_firstPattern", "s_thirdPattern" });
        model.ShouldContain("LineArgument.Matches(__second, s_firstPattern, \"Thing.Second\");");
        var client = run.Result.GeneratedSources.Single(source => source.HintName.StartsWith("Clients.", StringComparison.Ordinal)).SourceText.ToString();
        RegexField.Matches(client).Select(match => match.Groups["name"].Value).ShouldBe(new[] { "s_codePattern" });
        client.ShouldContain("LineArgument.Matches(__other, s_codePattern, nameof(other));");
    }
}
