using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Shouldly;

namespace ModuleGen.Generator.Tests.Infrastructure;

internal static class IncrementalSteps
{
    /// <summary>Every step name the generator declares in <see cref="TrackingNames"/>.</summary>
    public static IReadOnlyList<string> GeneratorStepNames { get; } = typeof(TrackingNames)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(field => field.IsLiteral && field.FieldType == typeof(string))
        .Select(field => (string)field.GetRawConstantValue()!)
        .OrderBy(name => name, System.StringComparer.Ordinal)
        .ToList();

    public static bool IsReused(IncrementalStepRunReason reason)
        => reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged;

    /// <summary>
    /// Reruns <paramref name="first"/>'s driver on a clone of its compilation and asserts that every tracked step
    /// reports only Cached/Unchanged outputs, that no source is emitted again, and that the first run's step outputs
    /// hold nothing that would defeat caching.
    /// </summary>
    public static GeneratorRun ShouldBeReusedOnRerun(GeneratorRun first)
    {
        var second = first.RunAgain(first.InputCompilation.Clone());
        foreach (var name in GeneratorStepNames)
        {
            second.Outputs(name).Select(output => output.Reason).ShouldAllBe(reason => IsReused(reason), $"step {name} on a rerun\n{Describe(second.Result)}");
        }

        second.SourceOutputSteps.SelectMany(step => step.Outputs).ShouldAllBe(output => output.Reason == IncrementalStepRunReason.Cached, Describe(second.Result));
        GeneratorStepNames
            .SelectMany(name => first.Outputs(name).SelectMany((output, index) => ModelGraph.FindProblems(output.Value, $"{name}[{index}]")))
            .ShouldBeEmpty();
        return second;
    }

    /// <summary>"Step: Reason, Reason" lines, to make a failed assertion readable.</summary>
    public static string Describe(GeneratorRunResult result)
        => string.Join(
            "\n",
            result.TrackedSteps.Concat(result.TrackedOutputSteps)
                .OrderBy(pair => pair.Key, System.StringComparer.Ordinal)
                .Select(pair => pair.Key + ": " + string.Join(", ", pair.Value.SelectMany(step => step.Outputs).Select(output => output.Reason))));

    /// <summary>What a source-output step emitted from: the client or schema model of its input.</summary>
    public static object InputValue(IncrementalGeneratorRunStep step)
    {
        var (source, index) = step.Inputs.Single();
        return source.Outputs[index].Value;
    }
}
