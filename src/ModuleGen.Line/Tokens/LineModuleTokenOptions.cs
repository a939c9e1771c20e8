using System;
using System.Security.Cryptography;

namespace ModuleGen.Line.Tokens;

/// <summary>
/// How <see cref="LineModuleTokenProvider"/> obtains the module channel's access tokens. <see cref="ToString"/> never
/// shows the channel secret or the signing key.
/// </summary>
public sealed class LineModuleTokenOptions
{
    /// <summary>The longest life LINE gives any token a module may use (v2.1 and short-lived: 30 days).</summary>
    public static readonly TimeSpan MaxTokenLifetime = TimeSpan.FromDays(30);

    /// <summary>The furthest ahead a JWT assertion's <c>exp</c> may lie (30 minutes).</summary>
    public static readonly TimeSpan MaxAssertionLifetime = TimeSpan.FromMinutes(30);

    /// <summary>The module channel's ID (the JWT's iss and sub, or the client_id form field).</summary>
    public string ChannelId { get; set; } = string.Empty;

    /// <summary>The module channel's secret; needed for <see cref="LineModuleTokenKind.ShortLived"/> and for stateless tokens issued with the secret.</summary>
    public string? ChannelSecret { get; set; }

    /// <summary>The kind of token to issue (default <see cref="LineModuleTokenKind.Stateless"/>).</summary>
    public LineModuleTokenKind Kind { get; set; } = LineModuleTokenKind.Stateless;

    /// <summary>
    /// For <see cref="LineModuleTokenKind.Stateless"/>: prove the channel with a signed JWT assertion (needs
    /// <see cref="Kid"/> and a signing key) instead of the channel secret. Default false.
    /// </summary>
    public bool UseJwtAssertionForStateless { get; set; }

    /// <summary>The key ID the LINE Developers Console gave the registered public key (the JWT header's kid).</summary>
    public string? Kid { get; set; }

    /// <summary>The RSA private key (2048 bits or more) that signs the JWT assertion. The caller keeps owning it.</summary>
    public RSA? SigningKey { get; set; }

    /// <summary>The RSA private key as PEM (PKCS#1 or PKCS#8), when <see cref="SigningKey"/> is not set.</summary>
    public string? SigningKeyPem { get; set; }

    /// <summary>The RSA private key as a JWK (JSON with n, e, d, p, q, dp, dq, qi), when neither other key form is set.</summary>
    public string? SigningKeyJwk { get; set; }

    /// <summary>For v2.1 tokens: the life asked for in the JWT's token_exp (default 1 day, at most 30 days).</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How far ahead the JWT assertion's exp lies (default 5 minutes, at most 30 minutes).</summary>
    public TimeSpan AssertionLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Refresh once the cached token has less than this left (default 2 minutes, sized for 15-minute stateless
    /// tokens). Longer-lived tokens are refreshed earlier: the margin is the larger of this and 10% of the
    /// token's life, but never more than half of it.
    /// </summary>
    public TimeSpan RefreshBefore { get; set; } = TimeSpan.FromMinutes(2);

    internal bool UsesJwtAssertion => Kind == LineModuleTokenKind.JwtV21
        || (Kind == LineModuleTokenKind.Stateless && UseJwtAssertionForStateless);

    /// <summary>A description without secrets.</summary>
    public override string ToString()
        => $"LineModuleTokenOptions(ChannelId={ChannelId}, Kind={Kind}, ChannelSecret={Redacted(ChannelSecret)}, Kid={Kid ?? "(none)"}, "
           + $"SigningKey={Redacted(SigningKey is null && SigningKeyPem is null && SigningKeyJwk is null ? null : "set")}, "
           + $"TokenLifetime={TokenLifetime}, AssertionLifetime={AssertionLifetime}, RefreshBefore={RefreshBefore})";

    /// <summary>Throws when the options cannot work; the messages never include the secret or the key.</summary>
    internal void Validate()
    {
        if (string.IsNullOrWhiteSpace(ChannelId))
        {
            throw new ArgumentException("LineModuleTokenOptions.ChannelId is required.", nameof(ChannelId));
        }

        if (!Enum.IsDefined(Kind))
        {
            throw new ArgumentOutOfRangeException(nameof(Kind), Kind, "Choose Stateless, JwtV21 or ShortLived; LINE does not allow module channels to use long-lived channel access tokens.");
        }

        if (UsesJwtAssertion)
        {
            if (string.IsNullOrWhiteSpace(Kid))
            {
                throw new ArgumentException("A JWT assertion needs LineModuleTokenOptions.Kid, the key ID the LINE Developers Console gave the public key.", nameof(Kid));
            }

            if (SigningKey is null && string.IsNullOrWhiteSpace(SigningKeyPem) && string.IsNullOrWhiteSpace(SigningKeyJwk))
            {
                throw new ArgumentException("A JWT assertion needs an RSA private key: set SigningKey, SigningKeyPem or SigningKeyJwk.", nameof(SigningKey));
            }
        }
        else if (string.IsNullOrEmpty(ChannelSecret))
        {
            throw new ArgumentException($"{Kind} tokens issued with the channel secret need LineModuleTokenOptions.ChannelSecret.", nameof(ChannelSecret));
        }

        if (TokenLifetime <= TimeSpan.Zero || TokenLifetime > MaxTokenLifetime)
        {
            throw new ArgumentOutOfRangeException(nameof(TokenLifetime), TokenLifetime, "TokenLifetime must be positive and at most 30 days.");
        }

        if (AssertionLifetime <= TimeSpan.Zero || AssertionLifetime > MaxAssertionLifetime)
        {
            throw new ArgumentOutOfRangeException(nameof(AssertionLifetime), AssertionLifetime, "AssertionLifetime must be positive and at most 30 minutes.");
        }

        if (RefreshBefore < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(RefreshBefore), RefreshBefore, "RefreshBefore must not be negative.");
        }
    }

    private static string Redacted(string? value) => value is null ? "(none)" : "***";
}
