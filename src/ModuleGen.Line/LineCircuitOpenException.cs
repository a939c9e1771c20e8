using System;

namespace ModuleGen.Line;

/// <summary>
/// The circuit breaker of this OA (or, for calls without a bot, of this host) is open after repeated failures, so
/// the request was not sent. Transient: it closes again after its break duration (<see cref="RetryAfter"/>).
/// </summary>
public sealed class LineCircuitOpenException : LineApiException
{
    /// <summary>Creates the exception (for tests and mocks).</summary>
    public LineCircuitOpenException(string message, string? operationId = null, TimeSpan? retryAfter = null, string? retryKey = null, Exception? innerException = null)
        : base(message, 0, operationId, innerException: innerException, retryKey: retryKey)
    {
        RetryAfter = retryAfter;
    }

    /// <summary>How long the circuit is expected to stay open, when known.</summary>
    public TimeSpan? RetryAfter { get; }
}
