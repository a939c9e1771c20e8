namespace ModuleGen.Line;

/// <summary>LINE's documented rate limit of one operation (per module channel, OA and endpoint).</summary>
/// <param name="Requests">How many requests the period allows.</param>
/// <param name="Period">The period.</param>
public sealed record LineRateLimit(int Requests, LineRateLimitPeriod Period);
