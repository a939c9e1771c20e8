using System;
using System.ComponentModel;
using System.Security.Cryptography;
using System.Text;

namespace ModuleGen.Line.Runtime;

/// <summary>
/// Retry keys (X-Line-Retry-Key): a UUID minted once per logical call, so that every retry of that call — by a
/// resilience handler or by the caller with the same key — is recognised by LINE and not delivered twice.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class LineRetryKey
{
    /// <summary>The namespace of ModuleGen's name-based retry keys (a fixed, random UUID).</summary>
    private static readonly byte[] NamespaceBytes = Guid.Parse("7a1d6c4e-5b0f-4f3e-9c2a-3d8e1b6f0a95").ToByteArray(bigEndian: true);

    /// <summary>A new key.</summary>
    public static string New() => Guid.NewGuid().ToString("D");

    /// <summary>
    /// A name-based UUID (RFC 9562 version 5: SHA-1 of a fixed namespace and <paramref name="name"/>, with the version
    /// and variant bits set): the same name always gives the same key, different names practically never share one.
    /// </summary>
    public static string FromName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var input = new byte[NamespaceBytes.Length + nameBytes.Length];
        NamespaceBytes.CopyTo(input, 0);
        nameBytes.CopyTo(input, NamespaceBytes.Length);
#pragma warning disable CA5350 // SHA-1 is what RFC 9562 specifies for version 5 UUIDs; nothing here depends on collision resistance against an attacker.
        var hash = SHA1.HashData(input);
#pragma warning restore CA5350
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true).ToString("D");
    }

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
