using System;
using System.Collections.Generic;

namespace ModuleGen.Line.Runtime;

/// <summary>
/// Collects, for one synchronous read, every required property found absent or null at any depth ("Type.property"),
/// so a caller such as the webhook parser can report them for a whole event without walking the model.
/// </summary>
/// <remarks>
/// Generated readers are synchronous and run on one thread, so the report in progress is kept per thread; reports nest
/// (the outer one is restored on dispose). A disposed report is kept for the thread's next read, so reading an event
/// allocates none; what <see cref="Missing"/> returned stays the caller's.
/// </remarks>
internal sealed class LineJsonReadReport : IDisposable
{
    [ThreadStatic]
    private static LineJsonReadReport? s_current;

    [ThreadStatic]
    private static LineJsonReadReport? s_spare;

    private LineJsonReadReport? _outer;
    private List<string>? _missing;

    /// <summary>The report of the read in progress on this thread, if one was begun.</summary>
    public static LineJsonReadReport? Current => s_current;

    /// <summary>"Type.property" of each required property found absent or null, in reading order.</summary>
    public IReadOnlyList<string> Missing => (IReadOnlyList<string>?)_missing ?? Array.Empty<string>();

    /// <summary>Starts collecting on this thread until the report is disposed.</summary>
    public static LineJsonReadReport Begin()
    {
        var report = s_spare ?? new LineJsonReadReport();
        s_spare = null;
        report._outer = s_current;
        return s_current = report;
    }

    public void AddMissing(string qualifiedName) => (_missing ??= new List<string>(2)).Add(qualifiedName);

    public void Dispose()
    {
        s_current = _outer;
        _outer = null;
        _missing = null;
        s_spare = this;
    }
}
