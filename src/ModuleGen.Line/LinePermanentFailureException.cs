using System;

namespace ModuleGen.Line;

/// <summary>
/// Thrown by a webhook handler (or any code whose failures <see cref="LineFailurePolicy"/> classifies) to say that
/// trying again cannot help: the inbox dead-letters the event at once, with this message as the reason, instead of
/// retrying it.
/// </summary>
public class LinePermanentFailureException : Exception
{
    /// <summary>Creates the exception.</summary>
    public LinePermanentFailureException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
