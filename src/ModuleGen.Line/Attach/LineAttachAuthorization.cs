using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using ModuleGen.Line.Models;
using ModuleGen.Line.Tenants;

namespace ModuleGen.Line.Attach;

/// <summary>
/// One attach attempt: the authorize URL to send the OA admin to, and the secrets to keep (server side) until the
/// redirect comes back — the anti-CSRF <see cref="State"/> and the PKCE <see cref="CodeVerifier"/>.
/// </summary>
/// <example>
/// <code>
/// var authorization = LineAttachAuthorization.Create(new LineAttachAuthorizationOptions
/// {
///     ChannelId = "1234567890",
///     RedirectUri = new Uri("https://module.example.com/attach/callback"),
///     Scopes = new[] { "message:send", "message:receive" },
/// });
/// // store authorization.State and authorization.CodeVerifier in the session, redirect to authorization.Url
/// // on the callback:
/// var attached = await attachClient.AttachAsync(authorization, code, returnedState, cancellationToken);
/// </code>
/// </example>
public sealed class LineAttachAuthorization
{
    private const string StateAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private const string VerifierAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";
    private const int StateLength = 32;

    private LineAttachAuthorization(LineAttachAuthorizationOptions options, string state, string codeVerifier)
    {
        ChannelId = options.ChannelId;
        RedirectUri = options.RedirectUri;
        Scopes = options.Scopes.ToArray();
        Region = options.Region;
        BasicSearchId = options.BasicSearchId;
        BrandTypes = options.BrandTypes?.ToArray();
        State = state;
        CodeVerifier = codeVerifier;
        CodeChallenge = ChallengeOf(codeVerifier);
        Url = BuildUrl(options.AuthorizeEndpoint);
    }

    /// <summary>The authorize URL.</summary>
    public Uri Url { get; }

    /// <summary>The module channel ID.</summary>
    public string ChannelId { get; }

    /// <summary>The redirect URI; the token exchange must send the same one.</summary>
    public Uri RedirectUri { get; }

    /// <summary>The requested scopes.</summary>
    public IReadOnlyList<string> Scopes { get; }

    /// <summary>The region restriction, if any.</summary>
    public string? Region { get; }

    /// <summary>The OA restriction, if any.</summary>
    public string? BasicSearchId { get; }

    /// <summary>The brand-type restriction, if any.</summary>
    public IReadOnlyList<string>? BrandTypes { get; }

    /// <summary>The anti-CSRF state: 32 alphanumeric characters from a CSPRNG (LINE forbids URL-encoded state).</summary>
    public string State { get; }

    /// <summary>The PKCE code verifier (RFC 7636), from a CSPRNG. Keep it secret until the token exchange.</summary>
    public string CodeVerifier { get; }

    /// <summary>base64url(SHA-256(verifier)), sent with code_challenge_method=S256.</summary>
    public string CodeChallenge { get; }

    /// <summary>Creates an attempt with a fresh state and verifier.</summary>
    /// <exception cref="ArgumentException">The options break LINE's rules (non-https redirect, no scopes, bad lengths).</exception>
    public static LineAttachAuthorization Create(LineAttachAuthorizationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrEmpty(options.ChannelId, nameof(options.ChannelId));
        if (options.RedirectUri is not { IsAbsoluteUri: true } redirect || redirect.Scheme != Uri.UriSchemeHttps)
        {
            throw new ArgumentException("LINE accepts only an absolute https redirect URI.", nameof(options));
        }

        if (options.Scopes is null || options.Scopes.Count == 0 || options.Scopes.Any(s => string.IsNullOrWhiteSpace(s) || s.Contains(' ')))
        {
            throw new ArgumentException("Request at least one scope; a scope has no spaces.", nameof(options));
        }

        if (options.CodeVerifierLength is < 43 or > 128)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.CodeVerifierLength, "A PKCE code verifier has 43 to 128 characters.");
        }

        if (options.Region is not null and not ("JP" or "TW"))
        {
            throw new ArgumentException("The region is JP or TW.", nameof(options));
        }

        return new LineAttachAuthorization(
            options,
            RandomNumberGenerator.GetString(StateAlphabet, StateLength),
            RandomNumberGenerator.GetString(VerifierAlphabet, options.CodeVerifierLength));
    }

    /// <summary>The server-side half of this attempt, for an <see cref="ILineAttachStateStore"/>.</summary>
    public LinePendingAttach ToPendingAttach(DateTimeOffset expiresAt) => new()
    {
        State = State,
        CodeVerifier = CodeVerifier,
        ChannelId = ChannelId,
        RedirectUri = RedirectUri,
        Scopes = Scopes,
        Region = Region,
        BasicSearchId = BasicSearchId,
        BrandTypes = BrandTypes,
        ExpiresAt = expiresAt,
    };

    /// <summary>
    /// The attempt a stored <see cref="LinePendingAttach"/> belongs to, on whichever instance the callback lands: the
    /// same state, verifier and restrictions, so the token exchange repeats what the authorize URL said.
    /// </summary>
    public static LineAttachAuthorization FromPendingAttach(LinePendingAttach pending)
    {
        ArgumentNullException.ThrowIfNull(pending);
        var options = new LineAttachAuthorizationOptions
        {
            ChannelId = pending.ChannelId,
            RedirectUri = pending.RedirectUri,
            Scopes = pending.Scopes.ToArray(),
            Region = pending.Region,
            BasicSearchId = pending.BasicSearchId,
            BrandTypes = pending.BrandTypes?.ToArray(),
        };
        return new LineAttachAuthorization(options, pending.State, pending.CodeVerifier);
    }

    /// <summary>Whether the state returned to the redirect URI is this attempt's (compared in constant time).</summary>
    public bool IsExpectedState(string? returnedState)
        => returnedState is not null
           && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(returnedState), Encoding.ASCII.GetBytes(State));

    /// <summary>
    /// The token-exchange form for the code from the redirect. It repeats exactly what the authorize URL said
    /// (redirect_uri, scope, region, basic_search_id, brand_type), which LINE requires, plus the PKCE verifier.
    /// </summary>
    public AttachModuleRequest CreateTokenRequest(string code)
    {
        ArgumentException.ThrowIfNullOrEmpty(code);
        return new AttachModuleRequest
        {
            Code = code,
            RedirectUri = RedirectUri.AbsoluteUri,
            CodeVerifier = CodeVerifier,
            Region = Region,
            BasicSearchId = BasicSearchId,
            Scope = string.Join(' ', Scopes),
            BrandType = BrandTypes is null ? null : string.Join(' ', BrandTypes),
        };
    }

    /// <summary>base64url without padding of SHA-256 over the ASCII verifier (RFC 7636 §4.2).</summary>
    public static string ChallengeOf(string codeVerifier)
        => Convert.ToBase64String(SHA256.HashData(Encoding.ASCII.GetBytes(codeVerifier)))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private Uri BuildUrl(Uri endpoint)
    {
        var query = new List<KeyValuePair<string, string>>
        {
            new("response_type", "code"),
            new("client_id", ChannelId),
            new("redirect_uri", RedirectUri.AbsoluteUri),
            new("scope", string.Join(' ', Scopes)),
            new("state", State),
            new("code_challenge", CodeChallenge),
            new("code_challenge_method", "S256"),
        };
        if (Region is not null)
        {
            query.Add(new("region", Region));
        }

        if (BasicSearchId is not null)
        {
            query.Add(new("basic_search_id", BasicSearchId));
        }

        if (BrandTypes is { Count: > 0 })
        {
            query.Add(new("brand_type", string.Join(' ', BrandTypes)));
        }

        // Every value is percent-encoded (spaces as %20): an unencoded redirect_uri loses its own query to LINE.
        var text = string.Join("&", query.Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value)));
        return new Uri(endpoint.GetLeftPart(UriPartial.Path) + "?" + text);
    }
}
