using System;
using System.Collections.Generic;

namespace ModuleGen.Line.RateLimiting.Redis;

/// <summary>The limits <see cref="RedisLineRateLimiter"/> enforces.</summary>
public sealed class RedisLineRateLimiterOptions
{
    /// <summary>The limit of an operation not in <see cref="Limits"/>. Default <see cref="LineSharedRateLimit.Default"/>.</summary>
    public LineSharedRateLimit DefaultLimit { get; set; } = LineSharedRateLimit.Default;

    /// <summary>Limits by operation ID (e.g. <c>multicast</c>: 200/s), each per OA.</summary>
    public IDictionary<string, LineSharedRateLimit> Limits { get; } = new Dictionary<string, LineSharedRateLimit>(StringComparer.Ordinal);

    /// <summary>The prefix of the Redis keys. Default <c>modulegen:line-rate:</c>.</summary>
    public string KeyPrefix { get; set; } = "modulegen:line-rate:";
}
