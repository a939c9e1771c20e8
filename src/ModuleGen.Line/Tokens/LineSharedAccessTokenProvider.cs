using System;
using System.Globalization;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Caching.Distributed;

namespace ModuleGen.Line.Tokens;

/// <summary>
/// Shares the module channel's access token between instances through an <see cref="IDistributedCache"/> (Redis, SQL
/// Server, or the L2 of a <c>HybridCache</c>): an instance uses the token another one issued while it is fresh, so
/// several instances do not each issue their own (LINE caps the live short-lived tokens per channel).
/// </summary>
/// <remarks>
/// <para>
/// The entry expires when the issuing instance would refresh the token (its expiry minus the refresh margin), so the
/// shared token is never handed out closer to expiry than a local one. Two instances that miss at the same moment
/// both issue: the cache narrows the race to that moment, it does not lock.
/// </para>
/// <para>The token is a secret: the cache must be as private as the database.</para>
/// </remarks>
public sealed class LineSharedAccessTokenProvider : ILineAccessTokenProvider
{
    private readonly LineModuleTokenProvider _issuer;
    private readonly IDistributedCache _cache;
    private readonly TimeProvider _timeProvider;
    private readonly string _key;

    /// <summary>Creates a provider that shares the tokens <paramref name="issuer"/> issues for <paramref name="channelId"/>.</summary>
    public LineSharedAccessTokenProvider(
        LineModuleTokenProvider issuer, IDistributedCache cache, string channelId, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(issuer);
        ArgumentNullException.ThrowIfNull(cache);
        ArgumentException.ThrowIfNullOrEmpty(channelId);
        _issuer = issuer;
        _cache = cache;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _key = $"modulegen:line-token:{channelId}:{issuer.Kind}";
    }

    /// <summary>The cache key of the shared token.</summary>
    public string CacheKey => _key;

    /// <inheritdoc />
    public async ValueTask<string> GetAccessTokenAsync(CancellationToken cancellationToken)
    {
        if (await ReadAsync(cancellationToken).ConfigureAwait(false) is { } shared)
        {
            return shared;
        }

        var token = await _issuer.GetAccessTokenAsync(cancellationToken).ConfigureAwait(false);
        if (_issuer.CurrentTokenExpiresAt is { } expiresAt)
        {
            var now = _timeProvider.GetUtcNow();
            var refreshAt = expiresAt - _issuer.RefreshMargin(expiresAt - now);
            if (refreshAt > now)
            {
                var entry = Encoding.UTF8.GetBytes(refreshAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture) + "\n" + token);
                await _cache.SetAsync(_key, entry, new DistributedCacheEntryOptions { AbsoluteExpiration = refreshAt }, cancellationToken)
                    .ConfigureAwait(false);
            }
        }

        return token;
    }

    /// <inheritdoc />
    public async ValueTask InvalidateAsync(string rejectedToken, CancellationToken cancellationToken)
    {
        if (string.Equals(await ReadAsync(cancellationToken).ConfigureAwait(false), rejectedToken, StringComparison.Ordinal))
        {
            await _cache.RemoveAsync(_key, cancellationToken).ConfigureAwait(false);
        }

        await _issuer.InvalidateAsync(rejectedToken, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public override string ToString() => $"LineSharedAccessTokenProvider({_key}, token ***)";

    /// <summary>The shared token while it is before its refresh time (a cache may keep an entry a little past expiry).</summary>
    private async ValueTask<string?> ReadAsync(CancellationToken cancellationToken)
    {
        var entry = await _cache.GetAsync(_key, cancellationToken).ConfigureAwait(false);
        if (entry is null)
        {
            return null;
        }

        var text = Encoding.UTF8.GetString(entry);
        var separator = text.IndexOf('\n', StringComparison.Ordinal);
        return separator > 0
            && long.TryParse(text.AsSpan(0, separator), NumberStyles.None, CultureInfo.InvariantCulture, out var refreshAtMs)
            && DateTimeOffset.FromUnixTimeMilliseconds(refreshAtMs) > _timeProvider.GetUtcNow()
            ? text[(separator + 1)..]
            : null;
    }
}
