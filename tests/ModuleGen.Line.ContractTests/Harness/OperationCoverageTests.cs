using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Shouldly;
using Xunit;

namespace ModuleGen.Line.ContractTests.Harness;

/// <summary>Every operation of the spec is proven by at least one contract test, and every operation a test names exists.</summary>
public sealed class OperationCoverageTests
{
    [Fact]
    public void EveryOperationOfTheSpecHasAContractTest()
    {
        var covered = CoveredOperations();
        var missing = SpecConformance.Spec.Operations
            .Select(operation => operation.OperationId)
            .Where(operationId => !covered.ContainsKey(operationId))
            .OrderBy(operationId => operationId, StringComparer.Ordinal)
            .ToList();

        missing.ShouldBeEmpty($"{missing.Count} operations have no [Trait(\"{SpecConformance.Operation}\", …)] contract test: {string.Join(", ", missing)}");
    }

    [Fact]
    public void EveryOperationATestNamesIsInTheSpec()
    {
        var known = SpecConformance.Spec.Operations.Select(operation => operation.OperationId).ToHashSet(StringComparer.Ordinal);

        CoveredOperations()
            .Where(pair => !known.Contains(pair.Key))
            .Select(pair => $"{pair.Key} (in {string.Join(", ", pair.Value)})")
            .ShouldBeEmpty();
    }

    [Fact]
    public void OnlyTestMethodsCarryTheOperationTrait()
    {
        var methods = typeof(OperationCoverageTests).Assembly.GetTypes()
            .SelectMany(type => type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(method => OperationTraits(method).Any());

        methods.Where(method => !method.GetCustomAttributes<FactAttribute>(inherit: true).Any())
            .Select(method => $"{method.DeclaringType!.Name}.{method.Name}")
            .ShouldBeEmpty();
    }

    /// <summary>operationId → the test methods that carry it.</summary>
    private static Dictionary<string, List<string>> CoveredOperations()
    {
        var covered = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var type in typeof(OperationCoverageTests).Assembly.GetTypes())
        {
            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            {
                foreach (var operationId in OperationTraits(method))
                {
                    if (!covered.TryGetValue(operationId, out var tests))
                    {
                        covered[operationId] = tests = [];
                    }

                    tests.Add($"{type.Name}.{method.Name}");
                }
            }
        }

        return covered;
    }

    private static IEnumerable<string> OperationTraits(MethodInfo method) =>
        method.CustomAttributes
            .Where(attribute => attribute.AttributeType == typeof(TraitAttribute)
                && attribute.ConstructorArguments.Count == 2
                && (string?)attribute.ConstructorArguments[0].Value == SpecConformance.Operation)
            .Select(attribute => (string)attribute.ConstructorArguments[1].Value!);
}
