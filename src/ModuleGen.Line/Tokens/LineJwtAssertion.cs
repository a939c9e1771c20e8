using System;
using System.Buffers;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace ModuleGen.Line.Tokens;

/// <summary>
/// Builds the RS256 JWT assertion LINE's token endpoints accept (header {alg, typ, kid}; payload {iss, sub, aud, exp,
/// token_exp}). Written with <see cref="Utf8JsonWriter"/> so it needs no reflection (AOT).
/// </summary>
internal static class LineJwtAssertion
{
    /// <summary>The audience LINE requires.</summary>
    public const string Audience = "https://api.line.me/";

    /// <summary>The form value of client_assertion_type.</summary>
    public const string AssertionType = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    public static string Create(string channelId, string kid, RSA key, DateTimeOffset now, TimeSpan assertionLifetime, TimeSpan tokenLifetime)
    {
        var header = WriteJson(writer =>
        {
            writer.WriteString("alg"u8, "RS256");
            writer.WriteString("typ"u8, "JWT");
            writer.WriteString("kid"u8, kid);
        });
        var payload = WriteJson(writer =>
        {
            writer.WriteString("iss"u8, channelId);
            writer.WriteString("sub"u8, channelId);
            writer.WriteString("aud"u8, Audience);
            writer.WriteNumber("exp"u8, (now + assertionLifetime).ToUnixTimeSeconds());
            writer.WriteNumber("token_exp"u8, (long)tokenLifetime.TotalSeconds);
        });

        var signingInput = Base64Url.EncodeToString(header) + "." + Base64Url.EncodeToString(payload);
        var signature = key.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return signingInput + "." + Base64Url.EncodeToString(signature);
    }

    /// <summary>The signing key from the options; <paramref name="owned"/> is true when the caller must dispose it.</summary>
    public static RSA ResolveKey(LineModuleTokenOptions options, out bool owned)
    {
        RSA key;
        if (options.SigningKey is { } given)
        {
            owned = false;
            key = given;
        }
        else
        {
            owned = true;
            key = RSA.Create();
            try
            {
                if (!string.IsNullOrWhiteSpace(options.SigningKeyPem))
                {
                    key.ImportFromPem(options.SigningKeyPem);
                }
                else
                {
                    key.ImportParameters(ReadJwk(options.SigningKeyJwk!));
                }
            }
            catch (Exception exception) when (exception is ArgumentException or CryptographicException or JsonException or FormatException)
            {
                key.Dispose();

                // The inner exception is left out on purpose: parser messages may quote parts of the key.
                throw new ArgumentException("The JWT signing key could not be read: give an RSA private key as PEM (PKCS#1 or PKCS#8) or as a JWK with n, e, d, p, q, dp, dq and qi.", nameof(options));
            }
        }

        if (key.KeySize < 2048)
        {
            if (owned)
            {
                key.Dispose();
            }

            throw new ArgumentException($"LINE requires an RSA key of at least 2048 bits for the JWT assertion; this one has {key.KeySize}.", nameof(options));
        }

        return key;
    }

    private static RSAParameters ReadJwk(string jwk)
    {
        using var document = JsonDocument.Parse(jwk);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("kty", out var kty)
            || kty.ValueKind != JsonValueKind.String
            || kty.GetString() != "RSA")
        {
            throw new FormatException("Not an RSA JWK.");
        }

        return new RSAParameters
        {
            Modulus = Member(root, "n"),
            Exponent = Member(root, "e"),
            D = Member(root, "d"),
            P = Member(root, "p"),
            Q = Member(root, "q"),
            DP = Member(root, "dp"),
            DQ = Member(root, "dq"),
            InverseQ = Member(root, "qi"),
        };
    }

    private static byte[] Member(JsonElement jwk, string name)
        => jwk.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? Base64Url.DecodeFromChars(value.GetString().AsSpan())
            : throw new FormatException("The JWK lacks a member of an RSA private key.");

    private static byte[] WriteJson(Action<Utf8JsonWriter> writeMembers)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writeMembers(writer);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
