using System;
using System.Threading;
using System.Threading.Tasks;

namespace ModuleGen.Line.RateLimiting.Redis;

/// <summary>
/// A rate limit per (OA, operation) that several processes share. Deliberately small and independent of the runtime's
/// own limiter abstraction (ModuleGen.Line's resilience pipeline), which is still being defined: that abstraction can
/// adapt to this one with a few lines, calling <see cref="TryAcquireAsync"/> per request.
/// </summary>
public interface ILineSharedRateLimiter
{
    /// <summary>
    /// Takes one permit for a call of <paramref name="operationId"/> for the OA <paramref name="botId"/>, or says how
    /// long to wait before one is free. Never blocks.
    /// </summary>
    ValueTask<LineRateLimitDecision> TryAcquireAsync(string botId, string operationId, CancellationToken cancellationToken);
}

/// <summary>What <see cref="ILineSharedRateLimiter.TryAcquireAsync"/> decided.</summary>
/// <param name="IsAcquired">Whether the call may be made now.</param>
/// <param name="RetryAfter">When not acquired, how long until a permit is free; zero otherwise.</param>
public readonly record struct LineRateLimitDecision(bool IsAcquired, TimeSpan RetryAfter);

/// <summary>A token bucket: <paramref name="PermitsPerSecond"/> refill rate, up to <paramref name="Burst"/> at once.</summary>
public sealed record LineRateLimit(double PermitsPerSecond, int Burst)
{
    /// <summary>LINE's documented limit for push, reply and the module endpoints: 2,000 requests per second.</summary>
    public static LineRateLimit Default { get; } = new(2000, 2000);
}
