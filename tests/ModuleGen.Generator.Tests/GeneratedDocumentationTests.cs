using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using ModuleGen.Generator.Tests.Infrastructure;
using Shouldly;
using Xunit;

namespace ModuleGen.Generator.Tests;

/// <summary>
/// The XML doc summaries of the generated models come from the spec's descriptions. Where a description is missing
/// the emitter falls back to a placeholder that only restates the name ("The JSON property "x".", "The X object.",
/// "The X values."); none of those may remain in what the real spec/ generates.
/// </summary>
public sealed class GeneratedDocumentationTests
{
    private static readonly Regex PropertyPlaceholder =
        new(@"<summary>The JSON property ""[^""]*""\.</summary>", RegexOptions.CultureInvariant);

    private static readonly Regex TypePlaceholder =
        new(@"<summary>The (?<name>[A-Za-z_][A-Za-z0-9_]*) (?:object|values)\.</summary>", RegexOptions.CultureInvariant);

    [Fact]
    public void EveryGeneratedMemberHasARealDescription()
    {
        var run = GeneratorDriverHarness.Run(RealSpec.Project(RealSpec.FileNames.ToArray()));
        run.Diagnostics.Select(diagnostic => diagnostic.ToString()).ShouldBeEmpty();
        run.Result.GeneratedSources.Length.ShouldBeGreaterThan(100);

        var offenders = run.Result.GeneratedSources
            .OrderBy(source => source.HintName, StringComparer.Ordinal)
            .SelectMany(source => Placeholders(source.HintName, source.SourceText.ToString()))
            .ToList();

        offenders.ShouldBeEmpty(
            $"{offenders.Count} generated summaries are placeholders; add a description to the spec for each:"
            + Environment.NewLine + string.Join(Environment.NewLine, offenders));
    }

    [Fact]
    public void EveryGeneratedPublicMemberHasADocCommentSoNoFileDisablesCS1591()
    {
        var run = GeneratorDriverHarness.Run(RealSpec.Project(RealSpec.FileNames.ToArray()));

        run.Result.GeneratedSources.Select(source => source.SourceText.ToString())
            .Where(text => text.Contains("CS1591", StringComparison.Ordinal)).ShouldBeEmpty();
        MissingDocComments(run).ShouldBeEmpty();
    }

    [Fact]
    public void TheCheckFindsThePlaceholdersOfASpecWithoutDescriptions()
    {
        // Guards the test above: if the emitter's fallback wording changed, it would pass without checking anything.
        const string yaml = TestSpecs.ThingsHeader + """
              /thing:
                get:
                  operationId: getThing
                  responses:
                    '200':
                      description: OK
                      content:
                        application/json:
                          schema: { $ref: '#/components/schemas/Thing' }
            components:
              schemas:
                Thing:
                  type: object
                  properties:
                    id: { type: string }
                    color: { $ref: '#/components/schemas/Color' }
                    size:
                      $ref: '#/components/schemas/Size'
                      description: How big the thing is.
                Color:
                  type: string
                  enum: [red, blue]
                Size:
                  type: object
                  description: A size.
                  properties:
                    width: { type: integer, description: The width. }
            """;

        var run = GeneratorDriverHarness.Run(SpecProject.Create().WithSpec("/specs/things.yaml", yaml));

        run.Diagnostics.ShouldBeEmpty();
        var offenders = run.Result.GeneratedSources
            .OrderBy(source => source.HintName, StringComparer.Ordinal)
            .SelectMany(source => Placeholders(source.HintName, source.SourceText.ToString()))
            .Select(offender => offender.Substring(0, offender.IndexOf(':')) + offender.Substring(offender.IndexOf(": ", StringComparison.Ordinal)))
            .ToList();

        offenders.ShouldBe(new[]
        {
            "Models.Color.g.cs: <summary>The Color values.</summary>",
            "Models.Thing.g.cs: <summary>The Thing object.</summary>",
            "Models.Thing.g.cs: <summary>The JSON property \"id\".</summary>",
            "Models.Thing.g.cs: <summary>The JSON property \"color\".</summary>",
        });

        // Without descriptions every member still gets a doc comment, so generated files need no CS1591 suppression.
        MissingDocComments(run).ShouldBeEmpty();
    }

    /// <summary>CS1591 for each public generated member without a doc comment (the harness parses docs without diagnosing).</summary>
    private static IEnumerable<string> MissingDocComments(GeneratorRun run)
    {
        var options = GeneratorDriverHarness.ParseOptions.WithDocumentationMode(DocumentationMode.Diagnose);
        var trees = run.Result.GeneratedSources.Select(source => CSharpSyntaxTree.ParseText(source.SourceText, options, source.HintName));
        var compilation = CSharpCompilation.Create(
            "ModuleGen.Generator.Tests.Docs",
            trees,
            GeneratorDriverHarness.References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        return compilation.GetDiagnostics().Where(diagnostic => diagnostic.Id == "CS1591").Select(diagnostic => diagnostic.ToString()).ToList();
    }

    /// <summary>
    /// Each placeholder summary as "hint name:line: summary". A type summary counts only when the declaration it
    /// documents has that very name, so a real description that happens to end in "object." is not taken for one.
    /// </summary>
    private static IEnumerable<string> Placeholders(string hintName, string source)
    {
        var lines = source.Replace("\r", string.Empty).Split('\n');
        for (var index = 0; index < lines.Length; index++)
        {
            var line = lines[index].Trim();
            if (PropertyPlaceholder.Match(line) is { Success: true } property)
            {
                yield return $"{hintName}:{index + 1}: {property.Value}";
                continue;
            }

            if (TypePlaceholder.Match(line) is { Success: true } type && DocumentsType(lines, index, type.Groups["name"].Value))
            {
                yield return $"{hintName}:{index + 1}: {type.Value}";
            }
        }
    }

    private static bool DocumentsType(string[] lines, int summaryIndex, string name)
    {
        var declaration = new Regex(@"\b(?:class|struct|record|interface)\s+" + Regex.Escape(name) + @"\b", RegexOptions.CultureInvariant);
        return lines
            .Skip(summaryIndex + 1)
            .Select(line => line.Trim())
            .FirstOrDefault(line => !line.StartsWith("///", StringComparison.Ordinal) && !line.StartsWith("[", StringComparison.Ordinal)) is { } next
            && declaration.IsMatch(next);
    }
}
