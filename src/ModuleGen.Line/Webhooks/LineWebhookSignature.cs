using System;
using System.Buffers.Text;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;

namespace ModuleGen.Line.Webhooks;

/// <summary>
/// The <c>x-line-signature</c> of a webhook request: Base64(HMAC-SHA256(key = channel secret as UTF-8, message = the
/// raw body bytes)).
/// </summary>
/// <remarks>
/// Verification compares the header with the canonical Base64 text of the expected signature, byte for byte and in
/// constant time. It is deliberately stricter than a Base64 decoder: <see cref="Convert.FromBase64String(string)"/>
/// skips whitespace and accepts non-canonical padding bits, so several header values would decode to one signature.
/// LINE sends the canonical form, so nothing legitimate is lost.
/// </remarks>
public static class LineWebhookSignature
{
    /// <summary>The request header that carries the signature. HTTP header names are case-insensitive.</summary>
    public const string HeaderName = "x-line-signature";

    private const int SignatureBytes = 32;

    /// <summary>The length of a signature's Base64 text: 32 bytes encode to 44 characters.</summary>
    private const int SignatureBase64Length = 44;

    /// <summary>Computes the signature LINE would send for <paramref name="body"/>.</summary>
    public static string Compute(ReadOnlySpan<byte> body, string channelSecret)
    {
        Span<byte> expected = stackalloc byte[SignatureBase64Length];
        ComputeBase64(body, channelSecret, expected);
        return Encoding.ASCII.GetString(expected);
    }

    /// <summary>
    /// Whether <paramref name="signature"/> is the signature of <paramref name="body"/> under
    /// <paramref name="channelSecret"/>.
    /// </summary>
    public static bool Verify(ReadOnlySpan<byte> body, string? signature, string channelSecret)
    {
        ArgumentException.ThrowIfNullOrEmpty(channelSecret);
        return Verify(body, signature, [channelSecret]);
    }

    /// <summary>
    /// Whether <paramref name="signature"/> is the signature of <paramref name="body"/> under any of
    /// <paramref name="channelSecrets"/> (several during a secret rotation).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="channelSecrets"/> is empty or holds an empty secret.</exception>
    public static bool Verify(ReadOnlySpan<byte> body, string? signature, IEnumerable<string> channelSecrets)
    {
        ArgumentNullException.ThrowIfNull(channelSecrets);

        Span<byte> provided = stackalloc byte[SignatureBase64Length];
        var wellFormed = TryGetAscii(signature, provided);
        Span<byte> expected = stackalloc byte[SignatureBase64Length];
        var anySecret = false;
        var matched = false;
        foreach (var secret in channelSecrets)
        {
            ArgumentException.ThrowIfNullOrEmpty(secret, nameof(channelSecrets));
            anySecret = true;

            // Every secret is tried even after a match, so the time taken does not tell which one matched.
            ComputeBase64(body, secret, expected);
            matched |= CryptographicOperations.FixedTimeEquals(expected, provided) & wellFormed;
        }

        if (!anySecret)
        {
            throw new ArgumentException("At least one channel secret is needed to verify a signature.", nameof(channelSecrets));
        }

        return matched;
    }

    private static void ComputeBase64(ReadOnlySpan<byte> body, string channelSecret, Span<byte> destination)
    {
        ArgumentException.ThrowIfNullOrEmpty(channelSecret);

        var key = Encoding.UTF8.GetBytes(channelSecret);
        Span<byte> mac = stackalloc byte[SignatureBytes];
        try
        {
            HMACSHA256.HashData(key, body, mac);
            Base64.EncodeToUtf8(mac, destination, out _, out _);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    /// <summary>Copies a 44-character ASCII header value; false (and zeros) for anything else.</summary>
    private static bool TryGetAscii(string? value, Span<byte> destination)
    {
        destination.Clear();
        if (value is null || value.Length != SignatureBase64Length)
        {
            return false;
        }

        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c > 0x7F)
            {
                destination.Clear();
                return false;
            }

            destination[i] = (byte)c;
        }

        return true;
    }
}
