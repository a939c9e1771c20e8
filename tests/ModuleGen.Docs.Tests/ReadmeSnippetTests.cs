using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Shouldly;
using Xunit;

namespace ModuleGen.Docs.Tests;

/// <summary>
/// Every C# block of README.md compiles exactly as written — with its own <c>using</c>s and declarations — against
/// ModuleGen's packages, ASP.NET Core, xunit and Shouldly, in a project like the one <c>dotnet new web</c> makes: the
/// Web SDK's implicit usings (System, System.Threading.Tasks, Microsoft.Extensions.DependencyInjection, …) and nothing
/// else implied. A block with statements at the top is a program; a block of types only is a library.
/// </summary>
public sealed class ReadmeSnippetTests
{
    private static readonly string Readme = Path.Combine(AppContext.BaseDirectory, "docs", "README.md");

    /// <summary>The global usings Microsoft.NET.Sdk.Web generates with <c>&lt;ImplicitUsings&gt;enable&lt;/ImplicitUsings&gt;</c>.</summary>
    private const string WebSdkImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Net.Http.Json;
        global using System.Threading;
        global using System.Threading.Tasks;
        global using Microsoft.AspNetCore.Builder;
        global using Microsoft.AspNetCore.Hosting;
        global using Microsoft.AspNetCore.Http;
        global using Microsoft.AspNetCore.Routing;
        global using Microsoft.Extensions.Configuration;
        global using Microsoft.Extensions.DependencyInjection;
        global using Microsoft.Extensions.Hosting;
        global using Microsoft.Extensions.Logging;
        """;

    private static readonly Lazy<IReadOnlyList<MetadataReference>> References = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(path => path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToList());

    public static TheoryData<MarkdownSnippet> Snippets()
    {
        var data = new TheoryData<MarkdownSnippet>();
        foreach (var snippet in MarkdownSnippets.Read(Readme))
        {
            data.Add(snippet);
        }

        return data;
    }

    [Fact]
    public void TheReadmeHasCSharpBlocksToCompile() => MarkdownSnippets.Read(Readme).Count.ShouldBeGreaterThan(5);

    [Theory]
    [MemberData(nameof(Snippets))]
    public void TheSnippetCompilesAsWritten(MarkdownSnippet snippet)
    {
        var tree = CSharpSyntaxTree.ParseText(snippet.Code, new CSharpParseOptions(LanguageVersion.Latest), path: snippet.ToString());
        var isProgram = tree.GetRoot().DescendantNodes().OfType<GlobalStatementSyntax>().Any();
        var implicitUsings = CSharpSyntaxTree.ParseText(WebSdkImplicitUsings, new CSharpParseOptions(LanguageVersion.Latest), path: "ImplicitUsings.g.cs");
        var compilation = CSharpCompilation.Create(
            "ReadmeSnippet",
            [tree, implicitUsings],
            References.Value,
            new CSharpCompilationOptions(
                isProgram ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable));

        var errors = compilation.GetDiagnostics()
            .Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error && diagnostic.Location.SourceTree == tree)
            .Select(diagnostic => $"line {snippet.Line + diagnostic.Location.GetLineSpan().StartLinePosition.Line}: {diagnostic.Id} {diagnostic.GetMessage()}")
            .ToList();

        errors.ShouldBeEmpty($"README.md block at line {snippet.Line} does not compile:\n{string.Join('\n', errors)}");
    }
}
