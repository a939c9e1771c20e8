using BenchmarkDotNet.Running;
using ModuleGen.Bench.Runtime;

BenchmarkSwitcher.FromAssembly(typeof(ShortRunConfig).Assembly).Run(args, new ShortRunConfig());
