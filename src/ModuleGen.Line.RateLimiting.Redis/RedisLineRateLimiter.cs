using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using StackExchange.Redis;

namespace ModuleGen.Line.RateLimiting.Redis;

/// <summary>
/// An <see cref="ILineSharedRateLimiter"/> whose token buckets live in Redis, one hash per (OA, operation): every
/// process that uses the same Redis shares the limit, as LINE counts it (per module × OA × endpoint).
/// </summary>
/// <remarks>
/// Each acquisition is one Lua script, atomic on the server: refill the bucket for the time since its last use (by the
/// Redis server's clock, so the processes' clocks do not matter), take a permit if there is one, or return how long
/// until there is. An idle bucket expires once it would be full again.
/// </remarks>
public sealed class RedisLineRateLimiter : ILineSharedRateLimiter
{
    private const string TokenBucket = """
        local rate = tonumber(ARGV[1])
        local burst = tonumber(ARGV[2])
        local time = redis.call('TIME')
        local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
        local stored = redis.call('HMGET', KEYS[1], 'tokens', 'at')
        local tokens = tonumber(stored[1]) or burst
        local at = tonumber(stored[2]) or now
        tokens = math.min(burst, tokens + math.max(0, now - at) * rate / 1000)
        local acquired = 0
        local wait = 0
        if tokens >= 1 then
            tokens = tokens - 1
            acquired = 1
        else
            wait = math.ceil((1 - tokens) * 1000 / rate)
        end
        redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
        redis.call('PEXPIRE', KEYS[1], math.ceil(burst * 1000 / rate) + 1000)
        return { acquired, wait }
        """;

    private readonly IConnectionMultiplexer _redis;
    private readonly RedisLineRateLimiterOptions _options;

    /// <summary>Creates a limiter on <paramref name="redis"/>.</summary>
    public RedisLineRateLimiter(IConnectionMultiplexer redis, RedisLineRateLimiterOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(redis);
        _redis = redis;
        _options = options ?? new RedisLineRateLimiterOptions();
    }

    /// <inheritdoc />
    public async ValueTask<LineRateLimitDecision> TryAcquireAsync(string botId, string operationId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(botId);
        ArgumentException.ThrowIfNullOrEmpty(operationId);
        cancellationToken.ThrowIfCancellationRequested();

        var limit = _options.Limits.TryGetValue(operationId, out var configured) ? configured : _options.DefaultLimit;
        var result = await _redis.GetDatabase().ScriptEvaluateAsync(
                TokenBucket,
                [new RedisKey(_options.KeyPrefix + botId + ":" + operationId)],
                [limit.PermitsPerSecond.ToString(CultureInfo.InvariantCulture), limit.Burst])
            .ConfigureAwait(false);
        var values = (RedisResult[])result!;
        return (int)values[0] == 1
            ? new LineRateLimitDecision(true, TimeSpan.Zero)
            : new LineRateLimitDecision(false, TimeSpan.FromMilliseconds((long)values[1]));
    }

    /// <summary>Waits until a permit is free and takes it.</summary>
    public async ValueTask AcquireAsync(string botId, string operationId, CancellationToken cancellationToken)
    {
        while (await TryAcquireAsync(botId, operationId, cancellationToken).ConfigureAwait(false) is { IsAcquired: false } decision)
        {
            await Task.Delay(decision.RetryAfter, cancellationToken).ConfigureAwait(false);
        }
    }
}
