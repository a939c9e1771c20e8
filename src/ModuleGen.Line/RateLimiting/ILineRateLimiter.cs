using System.Threading;
using System.Threading.RateLimiting;
using System.Threading.Tasks;

namespace ModuleGen.Line;

/// <summary>
/// Grants permits for calls to LINE so that a module stays under LINE's per module × OA × endpoint limits. The
/// default (<see cref="LineLocalRateLimiter"/>) counts in this process; LINE counts across every instance of the
/// module, so a shared store (Redis) can implement this interface and replace it in the container.
/// </summary>
public interface ILineRateLimiter
{
    /// <summary>
    /// Waits for a permit of <paramref name="key"/> under <paramref name="limit"/>. Returns a lease that is not acquired
    /// when none can be had (queue full); cancellation of <paramref name="cancellationToken"/> — which the caller
    /// also uses to end the configured queue time — ends the wait with an <see cref="System.OperationCanceledException"/>.
    /// </summary>
    ValueTask<RateLimitLease> AcquireAsync(LineRateLimitKey key, LineRateLimit limit, CancellationToken cancellationToken);

    /// <summary>
    /// A permit of <paramref name="key"/> that is free right now, taken without waiting or queueing (never ahead of a
    /// call already waiting); <see langword="null"/> when there is none, or when the limiter cannot tell without a round
    /// trip — the caller then waits with <see cref="AcquireAsync"/>. Lets the common uncontended call skip the queue-time
    /// timer. The default says "cannot tell".
    /// </summary>
    RateLimitLease? TryAcquireNow(LineRateLimitKey key, LineRateLimit limit) => null;
}
