namespace ModuleGen.Line.RateLimiting.Redis;

/// <summary>A token bucket: <paramref name="PermitsPerSecond"/> refill rate, up to <paramref name="Burst"/> at once.</summary>
public sealed record LineSharedRateLimit(double PermitsPerSecond, int Burst)
{
    /// <summary>LINE's documented limit for push, reply and the module endpoints: 2,000 requests per second.</summary>
    public static LineSharedRateLimit Default { get; } = new(2000, 2000);
}
