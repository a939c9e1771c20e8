using BenchmarkDotNet.Running;
using ModuleGen.Bench.Generator;

BenchmarkSwitcher.FromAssembly(typeof(GeneratorBenchmarks).Assembly).Run(args, new ModuleGen.Bench.Runtime.ShortRunConfig());
