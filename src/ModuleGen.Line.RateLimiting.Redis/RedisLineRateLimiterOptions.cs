using System;
using System.Collections.Generic;

namespace ModuleGen.Line.RateLimiting.Redis;

/// <summary>The limits <see cref="RedisLineRateLimiter"/> enforces.</summary>
public sealed class RedisLineRateLimiterOptions
{
    /// <summary>The limit of an operation not in <see cref="Limits"/>. Default <see cref="LineRateLimit.Default"/>.</summary>
    public LineRateLimit DefaultLimit { get; set; } = LineRateLimit.Default;

    /// <summary>Limits by operation ID (e.g. <c>multicast</c>: 200/s), each per OA.</summary>
    public IDictionary<string, LineRateLimit> Limits { get; } = new Dictionary<string, LineRateLimit>(StringComparer.Ordinal);

    /// <summary>The prefix of the Redis keys. Default <c>modulegen:line-rate:</c>.</summary>
    public string KeyPrefix { get; set; } = "modulegen:line-rate:";
}
