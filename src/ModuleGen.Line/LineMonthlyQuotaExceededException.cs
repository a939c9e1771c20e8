using System;
using ModuleGen.Line.Models;

namespace ModuleGen.Line;

/// <summary>
/// LINE answered 429 "You have reached your monthly limit.": the OA's message quota is spent, so no retry can succeed
/// this month. It is never retried and <see cref="LineFailurePolicy"/> classifies it as permanent.
/// </summary>
public sealed class LineMonthlyQuotaExceededException : LineApiException
{
    /// <summary>Creates the exception (for tests and mocks).</summary>
    public LineMonthlyQuotaExceededException(
        string message,
        string? operationId = null,
        string? requestId = null,
        ErrorResponse? error = null,
        string? rawBody = null,
        string? retryKey = null,
        Exception? innerException = null)
        : base(message, 429, operationId, requestId, error, rawBody: rawBody, innerException: innerException, retryKey: retryKey)
    {
    }
}
