namespace ModuleGen.Line.Resilience;

/// <summary>Why an attempt failed, as far as retrying is concerned.</summary>
internal enum LineAttemptFailure
{
    /// <summary>Not a failure worth another attempt (a success, or a 4xx that would fail the same way).</summary>
    None,

    /// <summary>LINE refused the request without doing it (a rate or concurrency 429, a connection never made).</summary>
    Refused,

    /// <summary>The request may or may not have been done (a reset, an attempt timeout, a 5xx, a 408).</summary>
    Ambiguous,

    /// <summary>A 429 no retry in this process can fix (the monthly quota; an hourly limit such as narrowcast's).</summary>
    NotRetryable,
}
