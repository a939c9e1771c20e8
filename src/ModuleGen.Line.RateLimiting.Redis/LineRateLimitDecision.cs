using System;

namespace ModuleGen.Line.RateLimiting.Redis;

/// <summary>What <see cref="ILineSharedRateLimiter.TryAcquireAsync"/> decided.</summary>
/// <param name="IsAcquired">Whether the call may be made now.</param>
/// <param name="RetryAfter">When not acquired, how long until a permit is free; zero otherwise.</param>
public readonly record struct LineRateLimitDecision(bool IsAcquired, TimeSpan RetryAfter);
