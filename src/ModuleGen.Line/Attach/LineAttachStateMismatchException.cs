using System;

namespace ModuleGen.Line;

/// <summary>The state on the attach redirect is not the one this attempt sent: a possible CSRF; nothing was sent.</summary>
public sealed class LineAttachStateMismatchException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    public LineAttachStateMismatchException()
        : base("The state returned to the redirect URI does not match the attach attempt's state; the code was not exchanged.")
    {
    }
}
