using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ModuleGen.Generator.Diagnostics;
using ModuleGen.Generator.Tests.Infrastructure;
using Shouldly;
using Xunit;

namespace ModuleGen.Generator.Tests;

/// <summary>The descriptors themselves: tracked in the release files, and called with the arguments their messages need.</summary>
public sealed class DiagnosticDescriptorTests
{
    private static readonly string GeneratorDirectory = Path.Combine(RepositoryRoot.Find(), "generator", "ModuleGen.Generator");

    public static TheoryData<string> DescriptorNames()
    {
        var data = new TheoryData<string>();
        foreach (var name in Descriptors().Keys.OrderBy(name => name, StringComparer.Ordinal))
        {
            data.Add(name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(DescriptorNames))]
    public void EveryDescriptorIsTrackedInTheAnalyzerReleasesWithItsCategoryAndSeverity(string name)
    {
        var descriptor = Descriptors()[name];

        var rows = ReleaseRows();

        rows.ShouldContainKey(descriptor.Id);
        rows[descriptor.Id].ShouldBe((descriptor.Category, descriptor.DefaultSeverity.ToString()));
    }

    [Fact]
    public void EveryTrackedIdHasADescriptor()
    {
        var ids = Descriptors().Values.Select(descriptor => descriptor.Id).ToHashSet(StringComparer.Ordinal);

        ReleaseRows().Keys.Where(id => !ids.Contains(id)).ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(DescriptorNames))]
    public void EveryMessageNumbersItsPlaceholdersFromZeroWithoutGaps(string name)
    {
        var indexes = Placeholders(Descriptors()[name]).OrderBy(index => index).ToList();

        indexes.ShouldBe(Enumerable.Range(0, indexes.Count).ToList());
    }

    [Fact]
    public void EveryReportPassesAsManyArgumentsAsItsMessageHasPlaceholders()
    {
        var descriptors = Descriptors();
        var calls = new List<string>();
        var mismatches = new List<string>();
        foreach (var file in Directory.EnumerateFiles(GeneratorDirectory, "*.cs", SearchOption.AllDirectories)
                     .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                                    && !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            var root = CSharpSyntaxTree.ParseText(File.ReadAllText(file)).GetRoot();
            foreach (var invocation in root.DescendantNodes().OfType<InvocationExpressionSyntax>())
            {
                var arguments = invocation.ArgumentList.Arguments;
                if (arguments.Count == 0
                    || arguments[0].Expression is not MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.Text: nameof(DiagnosticDescriptors) } } access)
                {
                    continue;
                }

                // (descriptor, location, message arguments...), as DiagnosticBag.Add and Diagnostic.Create take them.
                var name = access.Name.Identifier.Text;
                var where = $"{Path.GetFileName(file)}:{invocation.GetLocation().GetLineSpan().StartLinePosition.Line + 1} {name}";
                calls.Add(where);
                descriptors.ShouldContainKey(name);
                var expected = Placeholders(descriptors[name]).Distinct().Count();
                if (arguments.Count - 2 != expected)
                {
                    mismatches.Add($"{where}: {arguments.Count - 2} arguments for {expected} placeholders");
                }
            }
        }

        calls.Count.ShouldBeGreaterThan(40);
        mismatches.ShouldBeEmpty();
    }

    private static Dictionary<string, DiagnosticDescriptor> Descriptors()
        => typeof(DiagnosticDescriptors)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(field => field.FieldType == typeof(DiagnosticDescriptor))
            .ToDictionary(field => field.Name, field => (DiagnosticDescriptor)field.GetValue(null)!, StringComparer.Ordinal);

    private static IEnumerable<int> Placeholders(DiagnosticDescriptor descriptor)
        => Regex.Matches(descriptor.MessageFormat.ToString(CultureInfo.InvariantCulture), @"(?<!\{)\{(\d+)\}")
            .Select(match => int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture));

    /// <summary>ID → (category, severity) of every rule row in AnalyzerReleases.Shipped.md and .Unshipped.md.</summary>
    private static Dictionary<string, (string Category, string Severity)> ReleaseRows()
        => new[] { "AnalyzerReleases.Shipped.md", "AnalyzerReleases.Unshipped.md" }
            .SelectMany(file => File.ReadLines(Path.Combine(GeneratorDirectory, "Diagnostics", file)))
            .Select(line => line.Split('|').Select(cell => cell.Trim()).ToArray())
            .Where(cells => cells.Length >= 3 && Regex.IsMatch(cells[0], "^MG[0-9]{4}$"))
            .ToDictionary(cells => cells[0], cells => (cells[1], cells[2]), StringComparer.Ordinal);
}
