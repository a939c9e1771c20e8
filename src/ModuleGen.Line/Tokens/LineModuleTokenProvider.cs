using System;
using System.Linq;
using System.Security.Cryptography;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ModuleGen.Line.Models;

namespace ModuleGen.Line.Tokens;

/// <summary>
/// Issues the module channel's access tokens (stateless, v2.1 or short-lived), caches the current one and refreshes
/// it before it expires. Refreshes are single-flight: however many callers need a new token at once, one request
/// is sent and all of them await it. A failed refresh is not remembered, so the next call tries again. Tokens,
/// secrets and assertions never appear in exception messages or logs.
/// </summary>
public sealed class LineModuleTokenProvider : ILineAccessTokenProvider, IDisposable
{
    private readonly Func<ChannelAccessTokenClient> _clientFactory;
    private readonly LineModuleTokenOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly RSA? _signingKey;
    private readonly bool _ownsSigningKey;
    private readonly object _gate = new();
    private readonly CancellationTokenSource _disposed = new();
    private CachedToken? _current;
    private Task<CachedToken>? _refresh;

    /// <summary>Creates a provider.</summary>
    /// <param name="client">
    /// The token client. Its operations authenticate with the form body, so its pipeline needs no token provider
    /// (and must not use this one).
    /// </param>
    /// <param name="options">How to obtain tokens; copied, so later changes have no effect.</param>
    /// <param name="timeProvider">The clock (default <see cref="TimeProvider.System"/>).</param>
    /// <param name="logger">Where issuance is logged, without the token.</param>
    /// <exception cref="ArgumentException">The options cannot work (the message names the setting, never its value).</exception>
    public LineModuleTokenProvider(
        ChannelAccessTokenClient client,
        LineModuleTokenOptions options,
        TimeProvider? timeProvider = null,
        ILogger<LineModuleTokenProvider>? logger = null)
        : this(Factory(client), options, timeProvider, logger)
    {
    }

    /// <summary>Creates a provider that asks <paramref name="clientFactory"/> for a client per refresh (IHttpClientFactory rotation).</summary>
    internal LineModuleTokenProvider(
        Func<ChannelAccessTokenClient> clientFactory,
        LineModuleTokenOptions options,
        TimeProvider? timeProvider,
        ILogger? logger)
    {
        ArgumentNullException.ThrowIfNull(clientFactory);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _clientFactory = clientFactory;
        _options = Copy(options);
        _timeProvider = timeProvider ?? TimeProvider.System;
        _logger = logger ?? NullLogger.Instance;
        if (_options.UsesJwtAssertion)
        {
            _signingKey = LineJwtAssertion.ResolveKey(_options, out _ownsSigningKey);
        }
    }

    /// <summary>The kind of token this provider issues.</summary>
    public LineModuleTokenKind Kind => _options.Kind;

    /// <summary>When the cached token expires, or null before the first token was issued.</summary>
    public DateTimeOffset? CurrentTokenExpiresAt => Volatile.Read(ref _current)?.ExpiresAt;

    /// <summary>
    /// The cached token while it has more than the refresh margin left; otherwise a new one. Concurrent callers
    /// share one refresh; cancelling one caller stops its wait, not the refresh the others await.
    /// </summary>
    /// <exception cref="LineApiException">LINE refused to issue a token, or could not be reached.</exception>
    public async ValueTask<string> GetAccessTokenAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed.IsCancellationRequested, this);
        var current = Volatile.Read(ref _current);
        if (current is not null && !NeedsRefresh(current))
        {
            return current.Token;
        }

        Task<CachedToken> refresh;
        lock (_gate)
        {
            current = _current;
            if (current is not null && !NeedsRefresh(current))
            {
                return current.Token;
            }

            // Task.Run: the refresh clears _refresh under _gate when it ends, which must happen after this
            // assignment even when the HTTP call completes synchronously.
            refresh = _refresh ??= Task.Run(RefreshAsync);
        }

        var token = await refresh.WaitAsync(cancellationToken).ConfigureAwait(false);
        return token.Token;
    }

    /// <summary>Drops the cached token if it is <paramref name="rejectedToken"/>, so the next call issues a fresh one.</summary>
    public ValueTask InvalidateAsync(string rejectedToken, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_current is { } current && string.Equals(current.Token, rejectedToken, StringComparison.Ordinal))
            {
                _current = null;
            }
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// Asks LINE how long <paramref name="accessToken"/> has left (verifyChannelTokenByJwt for v2.1 tokens,
    /// verifyChannelToken otherwise) and rejects a token with no expiry or more than 30 days left.
    /// </summary>
    /// <exception cref="LineLongLivedTokenNotAllowedException">The token is long-lived.</exception>
    /// <exception cref="LineApiException">LINE says the token is invalid, or could not be reached.</exception>
    public Task<LineModuleTokenVerification> VerifyAsync(string accessToken, CancellationToken cancellationToken = default)
        => VerifyTokenAsync(_clientFactory(), accessToken, _options.Kind == LineModuleTokenKind.JwtV21, _timeProvider, cancellationToken);

    /// <summary>
    /// Asks LINE how long <paramref name="accessToken"/> has left and rejects a token with no expiry or more than
    /// 30 days left (a long-lived token, which modules may not use).
    /// </summary>
    /// <param name="client">The token client.</param>
    /// <param name="accessToken">The token to check; never included in any message.</param>
    /// <param name="isV21">True for a v2.1 token (verified at /oauth2/v2.1/verify), false for the others (/v2/oauth/verify).</param>
    /// <param name="timeProvider">The clock (default <see cref="TimeProvider.System"/>).</param>
    /// <param name="cancellationToken">The token that cancels the call.</param>
    /// <exception cref="LineLongLivedTokenNotAllowedException">The token is long-lived.</exception>
    /// <exception cref="LineApiException">LINE says the token is invalid, or could not be reached.</exception>
    public static async Task<LineModuleTokenVerification> VerifyTokenAsync(
        ChannelAccessTokenClient client,
        string accessToken,
        bool isV21,
        TimeProvider? timeProvider = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrEmpty(accessToken);
        var now = (timeProvider ?? TimeProvider.System).GetUtcNow();
        var verified = isV21
            ? (await client.VerifyChannelTokenByJwtAsync(accessToken, cancellationToken).ConfigureAwait(false)).Value
            : (await client.VerifyChannelTokenAsync(new VerifyChannelTokenRequest { AccessToken = accessToken }, cancellationToken).ConfigureAwait(false)).Value;
        if (verified.MissingRequiredProperties.Contains("expires_in"))
        {
            // LINE accepted the token but named no expiry: only long-lived tokens have none.
            throw new LineLongLivedTokenNotAllowedException("LINE's verification reported no expiry for the token.");
        }

        var remaining = TimeSpan.FromSeconds(verified.ExpiresIn);
        EnsureNotLongLived(now, now + remaining);
        return new LineModuleTokenVerification(verified.ClientId, verified.Scope, now + remaining);
    }

    /// <summary>
    /// A provider for a token obtained elsewhere. It is served until <paramref name="expiresAt"/>; after that every
    /// call fails, because this provider cannot issue a new one.
    /// </summary>
    /// <param name="accessToken">The token; never included in any message.</param>
    /// <param name="expiresAt">When it expires. Null (no expiry) or more than 30 days ahead means a long-lived token, which is refused.</param>
    /// <param name="timeProvider">The clock (default <see cref="TimeProvider.System"/>).</param>
    /// <exception cref="LineLongLivedTokenNotAllowedException">The token is long-lived.</exception>
    public static ILineAccessTokenProvider FromExistingToken(string accessToken, DateTimeOffset? expiresAt, TimeProvider? timeProvider = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(accessToken);
        timeProvider ??= TimeProvider.System;
        if (expiresAt is not { } expiry)
        {
            throw new LineLongLivedTokenNotAllowedException("The token was given without an expiry.");
        }

        EnsureNotLongLived(timeProvider.GetUtcNow(), expiry);
        return new LineModuleExistingTokenProvider(accessToken, expiry, timeProvider);
    }

    /// <summary>Stops any refresh in flight and releases a signing key read from PEM or JWK.</summary>
    public void Dispose()
    {
        if (_disposed.IsCancellationRequested)
        {
            return;
        }

        // Cancelled, not disposed: a refresh that is just starting may still read its token.
        _disposed.Cancel();
        if (_ownsSigningKey)
        {
            _signingKey?.Dispose();
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"LineModuleTokenProvider({_options.ChannelId}, {_options.Kind}, token ***)";

    /// <summary>The refresh margin for a token of the given life: max(RefreshBefore, 10%), capped at half the life.</summary>
    internal TimeSpan RefreshMargin(TimeSpan lifetime)
    {
        var margin = _options.RefreshBefore > lifetime / 10 ? _options.RefreshBefore : lifetime / 10;
        return margin > lifetime / 2 ? lifetime / 2 : margin;
    }

    private static void EnsureNotLongLived(DateTimeOffset now, DateTimeOffset expiresAt)
    {
        // A short-lived token verified right after issue reports exactly 30 days; allow for clock skew on top.
        if (expiresAt - now > LineModuleTokenOptions.MaxTokenLifetime + TimeSpan.FromMinutes(5))
        {
            throw new LineLongLivedTokenNotAllowedException("The token lives longer than 30 days, which only long-lived tokens do.");
        }
    }

    private static Func<ChannelAccessTokenClient> Factory(ChannelAccessTokenClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        return () => client;
    }

    private static LineModuleTokenOptions Copy(LineModuleTokenOptions options) => new()
    {
        ChannelId = options.ChannelId,
        ChannelSecret = options.ChannelSecret,
        Kind = options.Kind,
        UseJwtAssertionForStateless = options.UseJwtAssertionForStateless,
        Kid = options.Kid,
        SigningKey = options.SigningKey,
        SigningKeyPem = options.SigningKeyPem,
        SigningKeyJwk = options.SigningKeyJwk,
        TokenLifetime = options.TokenLifetime,
        AssertionLifetime = options.AssertionLifetime,
        RefreshBefore = options.RefreshBefore,
    };

    private bool NeedsRefresh(CachedToken token)
        => token.ExpiresAt - _timeProvider.GetUtcNow() <= RefreshMargin(token.Lifetime);

    private async Task<CachedToken> RefreshAsync()
    {
        try
        {
            var issued = await IssueAsync(_disposed.Token).ConfigureAwait(false);
            LineTokenLog.Issued(_logger, _options.ChannelId, _options.Kind, issued.ExpiresAt);
            lock (_gate)
            {
                _current = issued;
                _refresh = null;
            }

            return issued;
        }
        catch (Exception exception)
        {
            if (exception is LineApiException lineException)
            {
                LineTokenLog.IssueFailed(_logger, _options.ChannelId, lineException.Status, lineException.ErrorCode);
            }

            lock (_gate)
            {
                _refresh = null;
            }

            throw;
        }
    }

    private async Task<CachedToken> IssueAsync(CancellationToken cancellationToken)
    {
        var client = _clientFactory();
        var issuedAt = _timeProvider.GetUtcNow();
        long expiresIn;
        string token;
        switch (_options.Kind)
        {
            case LineModuleTokenKind.JwtV21:
            {
                var response = await client.IssueChannelTokenByJwtAsync(
                    new IssueChannelTokenByJwtRequest
                    {
                        GrantType = OAuthGrantType.ClientCredentials,
                        ClientAssertionType = OAuthClientAssertionType.UrnIetfParamsOauthClientAssertionTypeJwtBearer,
                        ClientAssertion = CreateAssertion(issuedAt),
                    },
                    cancellationToken).ConfigureAwait(false);
                (token, expiresIn) = (response.Value.AccessToken, response.Value.ExpiresIn);
                break;
            }

            case LineModuleTokenKind.ShortLived:
            {
                var response = await client.IssueChannelTokenAsync(
                    new IssueChannelTokenRequest
                    {
                        GrantType = OAuthGrantType.ClientCredentials,
                        ClientId = _options.ChannelId,
                        ClientSecret = _options.ChannelSecret!,
                    },
                    cancellationToken).ConfigureAwait(false);
                (token, expiresIn) = (response.Value.AccessToken, response.Value.ExpiresIn);
                break;
            }

            default:
            {
                var request = new IssueStatelessChannelTokenRequest { GrantType = OAuthGrantType.ClientCredentials };
                if (_options.UsesJwtAssertion)
                {
                    request.ClientAssertionType = OAuthClientAssertionType.UrnIetfParamsOauthClientAssertionTypeJwtBearer;
                    request.ClientAssertion = CreateAssertion(issuedAt);
                }
                else
                {
                    request.ClientId = _options.ChannelId;
                    request.ClientSecret = _options.ChannelSecret;
                }

                var response = await client.IssueStatelessChannelTokenAsync(request, cancellationToken).ConfigureAwait(false);
                (token, expiresIn) = (response.Value.AccessToken, response.Value.ExpiresIn);
                break;
            }
        }

        if (string.IsNullOrEmpty(token) || expiresIn <= 0)
        {
            throw new LineApiException("LINE issued a channel access token without a usable access_token or expires_in.", 200, TokenOperationId(_options.Kind));
        }

        var lifetime = TimeSpan.FromSeconds(expiresIn);
        return new CachedToken(token, issuedAt + lifetime, lifetime);
    }

    private string CreateAssertion(DateTimeOffset now)
        => LineJwtAssertion.Create(_options.ChannelId, _options.Kid!, _signingKey!, now, _options.AssertionLifetime, _options.TokenLifetime);

    private static string TokenOperationId(LineModuleTokenKind kind) => kind switch
    {
        LineModuleTokenKind.JwtV21 => "issueChannelTokenByJWT",
        LineModuleTokenKind.ShortLived => "issueChannelToken",
        _ => "issueStatelessChannelToken",
    };

    private sealed record CachedToken(string Token, DateTimeOffset ExpiresAt, TimeSpan Lifetime)
    {
        public override string ToString() => $"CachedToken(***, expires {ExpiresAt:O})";
    }
}
