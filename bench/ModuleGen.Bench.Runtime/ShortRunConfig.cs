using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace ModuleGen.Bench.Runtime;

/// <summary>
/// In-process (no generated boilerplate project to build), a short job (3 warm-ups, 10 iterations), allocations, and
/// ratios against the category's baseline — so every benchmark of the set fits in a few minutes on 2 cores. Every benchmark runs twice:
/// on the wall clock and on the thread CPU clock (<see cref="ThreadCpuClock"/>).
/// </summary>
public sealed class ShortRunConfig : ManualConfig
{
    public ShortRunConfig()
    {
        var shortJob = Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithWarmupCount(3)
            .WithIterationCount(10)
            .WithLaunchCount(1);
        AddJob(shortJob.WithId("WallClock"));
        if (ThreadCpuClock.Instance.IsAvailable)
        {
            // The same job on the thread's CPU clock: on a shared machine its ratios are the ones to read.
            AddJob(shortJob.WithClock(ThreadCpuClock.Instance).WithId("ThreadCpu"));
        }
        AddDiagnoser(MemoryDiagnoser.Default);
        AddColumnProvider(DefaultColumnProviders.Instance);
        AddLogger(BenchmarkDotNet.Loggers.ConsoleLogger.Default);
        AddExporter(MarkdownExporter.GitHub);
        WithOrderer(new BenchmarkDotNet.Order.DefaultOrderer(BenchmarkDotNet.Order.SummaryOrderPolicy.Declared));
        AddLogicalGroupRules(BenchmarkLogicalGroupRule.ByCategory);
        WithSummaryStyle(SummaryStyle.Default.WithRatioStyle(RatioStyle.Value));
        WithOptions(ConfigOptions.JoinSummary);
    }
}
