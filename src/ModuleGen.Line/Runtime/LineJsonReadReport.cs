using System;
using System.Collections.Generic;

namespace ModuleGen.Line.Runtime;

/// <summary>
/// Collects, for one synchronous read, every required property found absent or null at any depth ("Type.property"),
/// so a caller such as the webhook parser can report them for a whole event without walking the model.
/// </summary>
/// <remarks>
/// Generated readers are synchronous and run on one thread, so the report in progress is kept per thread; reports nest
/// (the inner one is restored on dispose).
/// </remarks>
internal sealed class LineJsonReadReport : IDisposable
{
    [ThreadStatic]
    private static LineJsonReadReport? s_current;

    private readonly LineJsonReadReport? _outer;
    private List<string>? _missing;

    private LineJsonReadReport(LineJsonReadReport? outer) => _outer = outer;

    /// <summary>The report of the read in progress on this thread, if one was begun.</summary>
    public static LineJsonReadReport? Current => s_current;

    /// <summary>"Type.property" of each required property found absent or null, in reading order.</summary>
    public IReadOnlyList<string> Missing => (IReadOnlyList<string>?)_missing ?? Array.Empty<string>();

    /// <summary>Starts collecting on this thread until the report is disposed.</summary>
    public static LineJsonReadReport Begin() => s_current = new LineJsonReadReport(s_current);

    public void AddMissing(string qualifiedName) => (_missing ??= new List<string>(2)).Add(qualifiedName);

    public void Dispose() => s_current = _outer;
}
