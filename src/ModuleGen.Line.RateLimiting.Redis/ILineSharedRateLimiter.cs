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
