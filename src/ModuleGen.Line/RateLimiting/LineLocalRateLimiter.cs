using System;
using System.Threading;
using System.Threading.RateLimiting;
using System.Threading.Tasks;
using ModuleGen.Line.Runtime;

namespace ModuleGen.Line;

/// <summary>
/// The in-process <see cref="ILineRateLimiter"/>: one token bucket (System.Threading.RateLimiting) per OA and endpoint,
/// so a busy OA spends only its own permits and never delays another. Waiting calls are served oldest first.
/// </summary>
/// <remarks>
/// LINE's window position is unknown, so each bucket is sized to keep <em>every</em> window of the limit's period
/// within the limit, wherever it starts: a bucket of T tokens refilled with T at most once per period P allows at
/// most T·(K + 1) in any window, K = ⌊window / P⌋ + 1 being the most refills one window can hold; T is the largest
/// value that keeps this at or under the limit. The partitioned limiter refills every ~100 ms, so P is just under
/// that (for 200/s: 16 tokens per refill, at most 192 in any second, about 160/s sustained). The price is up to
/// ~20% of the documented peak of a per-second limit; hourly limits keep all but one or two requests.
/// </remarks>
public sealed class LineLocalRateLimiter : ILineRateLimiter, IDisposable, IAsyncDisposable
{
    /// <summary>
    /// Just under the 100 ms heartbeat with which System.Threading.RateLimiting's partitioned limiter refills its
    /// buckets (it adds one period's tokens per heartbeat, so a shorter period would only lose tokens).
    /// </summary>
    private static readonly TimeSpan MinimumReplenishmentPeriod = TimeSpan.FromMilliseconds(95);

    private readonly PartitionedRateLimiter<Partition> _limiter;

    /// <summary>Creates a limiter.</summary>
    /// <param name="queueLimit">How many calls of one OA and endpoint may wait at once.</param>
    public LineLocalRateLimiter(int queueLimit = 1000)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(queueLimit);
        _limiter = PartitionedRateLimiter.Create<Partition, Partition>(
            partition => RateLimitPartition.GetTokenBucketLimiter(partition, p => BucketFor(p.Limit, queueLimit)));
    }

    /// <inheritdoc />
    public ValueTask<RateLimitLease> AcquireAsync(LineRateLimitKey key, LineRateLimit limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(limit);
        return _limiter.AcquireAsync(new Partition(key, limit), 1, cancellationToken);
    }

    /// <inheritdoc />
    public RateLimitLease? TryAcquireNow(LineRateLimitKey key, LineRateLimit limit)
    {
        ArgumentNullException.ThrowIfNull(limit);
        var lease = _limiter.AttemptAcquire(new Partition(key, limit), 1);
        if (lease.IsAcquired)
        {
            return lease;
        }

        lease.Dispose();
        return null;
    }

    /// <inheritdoc />
    public void Dispose() => _limiter.Dispose();

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _limiter.DisposeAsync();

    /// <summary>The bucket that keeps every window of <paramref name="limit"/>'s period within it (see remarks).</summary>
    internal static TokenBucketRateLimiterOptions BucketFor(LineRateLimit limit, int queueLimit)
    {
        var window = limit.Period switch
        {
            LineRateLimitPeriod.Second => TimeSpan.FromSeconds(1),
            LineRateLimitPeriod.Minute => TimeSpan.FromMinutes(1),
            _ => TimeSpan.FromHours(1),
        };
        var period = window / Math.Max(1, limit.Requests - 2);
        if (period < MinimumReplenishmentPeriod)
        {
            period = MinimumReplenishmentPeriod;
        }

        var refillsInAnyWindow = (int)(window.Ticks / period.Ticks) + 1;
        var tokensPerPeriod = Math.Max(1, limit.Requests / (refillsInAnyWindow + 1));
        return new TokenBucketRateLimiterOptions
        {
            TokenLimit = tokensPerPeriod,
            TokensPerPeriod = tokensPerPeriod,
            ReplenishmentPeriod = period,
            QueueLimit = queueLimit,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = false,
        };
    }

    private readonly record struct Partition(LineRateLimitKey Key, LineRateLimit Limit);
}
