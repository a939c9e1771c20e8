namespace ModuleGen.Line.Testing.Faults;

/// <summary>How a planned fault breaks a call.</summary>
internal enum LineFaultKind
{
    /// <summary>The fake answers with a status and an error body instead of serving the call.</summary>
    Status,

    /// <summary>The fake waits, then serves the call as usual.</summary>
    Delay,

    /// <summary>The connection resets before the request reaches the fake (the client's handler throws).</summary>
    ResetBeforeRequest,

    /// <summary>The fake serves and records the call, then the connection resets before the client reads the answer.</summary>
    AnswerLost,
}
