using System;

namespace ModuleGen.Line.Tokens;

/// <summary>
/// A channel access token without an expiry, or one that lives longer than any token a module may hold, was offered
/// to a module. LINE forbids long-lived channel access tokens for module channels. The token itself is never part of
/// the message.
/// </summary>
public sealed class LineLongLivedTokenNotAllowedException : InvalidOperationException
{
    /// <summary>The message every instance carries.</summary>
    public const string DefaultMessage =
        "LINE does not allow module channels to use long-lived channel access tokens; use stateless, v2.1 or short-lived tokens instead.";

    /// <summary>Creates the exception.</summary>
    public LineLongLivedTokenNotAllowedException()
        : base(DefaultMessage)
    {
    }

    /// <summary>Creates the exception with a detail appended to <see cref="DefaultMessage"/>.</summary>
    /// <param name="detail">Why the token was judged long-lived; must not contain the token.</param>
    public LineLongLivedTokenNotAllowedException(string detail)
        : base(DefaultMessage + " " + detail)
    {
    }
}
