using System;

namespace ModuleGen.Line;

/// <summary>
/// The client-side rate limiter found no permit for this OA and operation within the configured queue time (or its
/// queue was full), so the request was not sent — instead of earning a 429 from LINE. Transient: permits return
/// as LINE's window moves on (<see cref="RetryAfter"/>, when the limiter knows).
/// </summary>
public sealed class LineRateLimitRejectedException : LineApiException
{
    /// <summary>Creates the exception (for tests and mocks).</summary>
    public LineRateLimitRejectedException(string message, string? operationId, string? botId, TimeSpan? retryAfter = null, string? retryKey = null)
        : base(message, 0, operationId, retryKey: retryKey)
    {
        BotId = botId;
        RetryAfter = retryAfter;
    }

    /// <summary>The OA whose limit was reached, or null for a call made for no OA.</summary>
    public string? BotId { get; }

    /// <summary>When a permit is expected, when the limiter knows.</summary>
    public TimeSpan? RetryAfter { get; }
}
