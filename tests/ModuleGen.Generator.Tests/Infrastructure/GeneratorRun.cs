using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using ModuleGen.Generator.Model;

namespace ModuleGen.Generator.Tests.Infrastructure;

/// <summary>One run of the driver: what went in, what came out, and what each tracked step did.</summary>
internal sealed class GeneratorRun
{
    public GeneratorRun(GeneratorDriver driver, Compilation inputCompilation, Compilation outputCompilation, GeneratorDriverRunResult runResult)
    {
        Driver = driver;
        InputCompilation = inputCompilation;
        OutputCompilation = outputCompilation;
        RunResult = runResult;
    }

    /// <summary>The driver after this run, holding the cached state the next run starts from.</summary>
    public GeneratorDriver Driver { get; }

    public Compilation InputCompilation { get; }

    public Compilation OutputCompilation { get; }

    public GeneratorDriverRunResult RunResult { get; }

    public GeneratorRunResult Result => RunResult.Results.Single();

    public ImmutableArray<Diagnostic> Diagnostics => Result.Diagnostics;

    public IReadOnlyList<string> HintNames => Result.GeneratedSources.Select(source => source.HintName).OrderBy(name => name, StringComparer.Ordinal).ToList();

    /// <summary>The model the ApiModel step produced.</summary>
    public ApiSpec Model => (ApiSpec)Outputs(TrackingNames.ApiModel).Single().Value;

    public string Source(string hintName) => Result.GeneratedSources.Single(source => source.HintName == hintName).SourceText.ToString();

    /// <summary>Every output of every run of the named step, with why it was (or was not) recomputed.</summary>
    public IReadOnlyList<(object Value, IncrementalStepRunReason Reason)> Outputs(string trackingName)
        => Result.TrackedSteps.TryGetValue(trackingName, out var steps)
            ? steps.SelectMany(step => step.Outputs).ToList()
            : Array.Empty<(object, IncrementalStepRunReason)>();

    /// <summary>The source-output steps: one per client, per schema, for the diagnostics and the manifest.</summary>
    public IReadOnlyList<IncrementalGeneratorRunStep> SourceOutputSteps
        => Result.TrackedOutputSteps.TryGetValue("SourceOutput", out var steps) ? steps : ImmutableArray<IncrementalGeneratorRunStep>.Empty;

    public GeneratorRun RunAgain(Compilation compilation) => GeneratorDriverHarness.Run(Driver, compilation);

    public GeneratorRun RunAgain(Func<GeneratorDriver, GeneratorDriver> edit) => GeneratorDriverHarness.Run(edit(Driver), InputCompilation);

    public IReadOnlyList<Diagnostic> CompilationProblems()
        => OutputCompilation.GetDiagnostics().Where(diagnostic => diagnostic.Severity >= DiagnosticSeverity.Warning).ToList();
}
