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
/// within the limit, wherever it starts: a bucket of T tokens refilled with T every period P = window / N allows at
/// most T·(N + 2) in any window, and N and T are chosen so that this is at most the limit (for 200/s: 9 tokens every
/// 50 ms, at most 198 in any second, 180/s sustained). The price is ~10% of the documented peak.
/// </remarks>
public sealed class LineLocalRateLimiter : ILineRateLimiter, IDisposable, IAsyncDisposable
{
    /// <summary>Refilling more often than this costs timer work without smoothing anything LINE can see.</summary>
    private static readonly TimeSpan MinimumReplenishmentPeriod = TimeSpan.FromMilliseconds(50);

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
        var maxPeriods = (int)Math.Max(1, window.Ticks / MinimumReplenishmentPeriod.Ticks);
        var periods = Math.Clamp(limit.Requests - 2, 1, maxPeriods);
        var tokensPerPeriod = Math.Max(1, limit.Requests / (periods + 2));
        periods = Math.Clamp((limit.Requests / tokensPerPeriod) - 2, 1, maxPeriods);
        return new TokenBucketRateLimiterOptions
        {
            TokenLimit = tokensPerPeriod,
            TokensPerPeriod = tokensPerPeriod,
            ReplenishmentPeriod = window / periods,
            QueueLimit = queueLimit,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        };
    }

    private readonly record struct Partition(LineRateLimitKey Key, LineRateLimit Limit);
}
