using System;

namespace ModuleGen.Line.Webhooks;

/// <summary>
/// The one exception <see cref="LineWebhookParser"/> throws for a request it rejects. The message never contains a
/// channel secret or a signature, and quotes no body content beyond what the JSON reader reports.
/// </summary>
public sealed class LineWebhookException : Exception
{
    /// <summary>Creates an exception.</summary>
    /// <param name="reason">Why the request was rejected.</param>
    /// <param name="message">A description for logs.</param>
    /// <param name="lineNumber">The zero-based line of a JSON error, when known.</param>
    /// <param name="bytePositionInLine">The zero-based byte offset within <paramref name="lineNumber"/>, when known.</param>
    /// <param name="innerException">The parser exception that caused this one.</param>
    public LineWebhookException(
        LineWebhookError reason,
        string message,
        long? lineNumber = null,
        long? bytePositionInLine = null,
        Exception? innerException = null)
        : base(message, innerException)
    {
        Reason = reason;
        LineNumber = lineNumber;
        BytePositionInLine = bytePositionInLine;
    }

    /// <summary>Why the request was rejected.</summary>
    public LineWebhookError Reason { get; }

    /// <summary>
    /// For <see cref="LineWebhookError.MalformedJson"/> and <see cref="LineWebhookError.InvalidShape"/>: the
    /// zero-based line where reading failed (the same convention as <see cref="System.Text.Json.JsonException.LineNumber"/>).
    /// </summary>
    public long? LineNumber { get; }

    /// <summary>The zero-based byte offset within <see cref="LineNumber"/> where reading failed.</summary>
    public long? BytePositionInLine { get; }
}
