using System;
using System.ComponentModel;

namespace ModuleGen.Line.Runtime;

/// <summary>
/// Retry keys (X-Line-Retry-Key): a UUID minted once per logical call, so that every retry of that call — by a
/// resilience handler or by the caller with the same key — is recognised by LINE and not delivered twice.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class LineRetryKey
{
    /// <summary>A new key.</summary>
    public static string New() => Guid.NewGuid().ToString("D");

    /// <summary>The caller's key when given (checked to be a UUID, as LINE requires), otherwise a new one.</summary>
    public static string OrNew(string? retryKey, string name)
    {
        if (retryKey is null)
        {
            return New();
        }

        if (!Guid.TryParseExact(retryKey, "D", out _))
        {
            throw new ArgumentException("A retry key must be a UUID such as 123e4567-e89b-12d3-a456-426614174000; LINE rejects other formats.", name);
        }

        return retryKey;
    }
}
