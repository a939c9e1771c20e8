using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Shouldly;

namespace ModuleGen.Generator.Tests.Infrastructure;

internal static class DiagnosticAssertions
{
    /// <summary>The run's only diagnostic, after checking the generator itself did not fail.</summary>
    public static Diagnostic SingleDiagnostic(this GeneratorRun run)
    {
        run.Result.Exception.ShouldBeNull();
        return run.Diagnostics.ShouldHaveSingleItem();
    }

    /// <summary>Asserts ID, severity, file, start position and the whole message together.</summary>
    public static void ShouldBe(this Diagnostic diagnostic, string id, DiagnosticSeverity severity, string path, int line, int column, string message)
    {
        diagnostic.ShouldBeAt(id, severity, path, line, column);
        diagnostic.GetMessage(CultureInfo.InvariantCulture).ShouldBe(message);
    }

    /// <summary>As <see cref="ShouldBe"/>, for messages that quote a third party (YamlDotNet) only in part.</summary>
    public static void ShouldBeAt(this Diagnostic diagnostic, string id, DiagnosticSeverity severity, string path, int line, int column, params string[] messageParts)
    {
        var span = diagnostic.Location.GetLineSpan();
        var actual = new
        {
            diagnostic.Id,
            diagnostic.Severity,
            span.Path,
            Line = span.StartLinePosition.Line,
            Column = span.StartLinePosition.Character,
        };
        actual.ShouldBe(new { Id = id, Severity = severity, Path = path, Line = line, Column = column }, diagnostic.ToString());
        var message = diagnostic.GetMessage(CultureInfo.InvariantCulture);
        foreach (var part in messageParts)
        {
            message.ShouldContain(part, Case.Sensitive);
        }
    }

    public static IReadOnlyList<string> Ids(this GeneratorRun run) => run.Diagnostics.Select(diagnostic => diagnostic.Id).ToList();
}
