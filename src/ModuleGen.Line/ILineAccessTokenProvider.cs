using System.Threading;
using System.Threading.Tasks;

namespace ModuleGen.Line;

/// <summary>Supplies the module channel access token put on each Bearer-authenticated request.</summary>
public interface ILineAccessTokenProvider
{
    /// <summary>A valid channel access token. Called per request: cache inside the provider.</summary>
    ValueTask<string> GetAccessTokenAsync(CancellationToken cancellationToken);

    /// <summary>
    /// LINE refused <paramref name="rejectedToken"/> with 401 (revoked, or expired early): a provider that caches drops
    /// it, so the next <see cref="GetAccessTokenAsync"/> issues a fresh one. The pipeline then retries the call once.
    /// The default does nothing, for providers that cannot renew a token.
    /// </summary>
    ValueTask InvalidateAsync(string rejectedToken, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
