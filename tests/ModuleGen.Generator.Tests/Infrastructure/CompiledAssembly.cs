using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Xunit;

namespace ModuleGen.Generator.Tests.Infrastructure;

/// <summary>
/// A compilation (consumer code plus generated code) emitted and loaded into a collectible load context, so the
/// emitted code can be exercised; ModuleGen.Line and the framework resolve from the test's own context.
/// </summary>
internal sealed class CompiledAssembly : IDisposable
{
    private readonly AssemblyLoadContext _context;

    private CompiledAssembly(AssemblyLoadContext context, Assembly assembly)
    {
        _context = context;
        Assembly = assembly;
    }

    public Assembly Assembly { get; }

    public static CompiledAssembly Load(Compilation compilation)
    {
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        if (!emitted.Success)
        {
            Assert.Fail("The generated code does not compile:\n" + string.Join("\n", emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        }

        image.Position = 0;
        var context = new AssemblyLoadContext("ModuleGen.Generator.Tests.Emitted", isCollectible: true);
        return new CompiledAssembly(context, context.LoadFromStream(image));
    }

    public Type Type(string fullName) => Assembly.GetType(fullName, throwOnError: true)!;

    /// <summary>Calls a public static method, letting its exception through unwrapped.</summary>
    public object? Invoke(string typeName, string methodName, params object?[] arguments)
        => Type(typeName).GetMethod(methodName, BindingFlags.Public | BindingFlags.Static)!
            .Invoke(null, BindingFlags.DoNotWrapExceptions, binder: null, arguments, culture: null);

    public void Dispose() => _context.Unload();
}
