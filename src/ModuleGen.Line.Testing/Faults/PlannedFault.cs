using System;

namespace ModuleGen.Line.Testing.Faults;

/// <summary>One planned fault and how many more calls it breaks.</summary>
internal sealed class PlannedFault(LineFaultKind kind, int calls, int status = 0, string? message = null, TimeSpan delay = default)
{
    public LineFaultKind Kind { get; } = kind;

    public int Remaining { get; set; } = calls;

    public int Status { get; } = status;

    public string? Message { get; } = message;

    public TimeSpan Delay { get; } = delay;
}
