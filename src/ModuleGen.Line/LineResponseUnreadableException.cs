using System;

namespace ModuleGen.Line;

/// <summary>
/// LINE accepted the request — it answered with a success status — but its response body could not be read (the
/// connection broke mid-body, or the body is not what the spec describes). The work was done: sending the request
/// again could do it twice, so this is not a transport failure (status 0) and <see cref="LineFailurePolicy"/>
/// classifies it as permanent. <see cref="LineApiException.Status"/>, <see cref="LineApiException.RequestId"/> and
/// <see cref="LineApiException.RetryKey"/> say what was accepted.
/// </summary>
public sealed class LineResponseUnreadableException : LineApiException
{
    /// <summary>Creates the exception (for tests and mocks).</summary>
    public LineResponseUnreadableException(
        string message,
        int status,
        string? operationId = null,
        string? requestId = null,
        string? retryKey = null,
        Exception? innerException = null)
        : base(message, status, operationId, requestId, innerException: innerException, retryKey: retryKey)
    {
    }
}
