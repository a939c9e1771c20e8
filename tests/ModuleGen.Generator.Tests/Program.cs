using System;
using ModuleGen.Generator.Tests.Infrastructure;

namespace ModuleGen.Generator.Tests;

/// <summary>
/// The test assembly's entry point. The test host never calls it; <see cref="IsolatedGeneratorRun"/> starts this
/// assembly with <c>generate &lt;path&gt;</c> to run the generator in a process of its own, because a stack overflow
/// cannot be caught and would end the whole test run instead of failing one test.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args is [IsolatedGeneratorRun.Command, var path])
        {
            IsolatedGeneratorRun.RunInThisProcess(path, Console.In.ReadToEnd(), Console.Out);
            return 0;
        }

        Console.Error.WriteLine($"usage: ModuleGen.Generator.Tests {IsolatedGeneratorRun.Command} <spec path>  (spec text on stdin)");
        return 2;
    }
}
