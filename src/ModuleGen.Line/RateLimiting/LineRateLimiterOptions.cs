using System;
using System.Collections.Generic;
using ModuleGen.Line.Runtime;

namespace ModuleGen.Line;

/// <summary>Settings of the client-side rate limiter, bindable from configuration (<c>Line:RateLimits</c>).</summary>
public sealed class LineRateLimiterOptions
{
    /// <summary>Whether calls wait for a permit at all (default true). Off, LINE's 429s are the only limit.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How long a call may wait for a permit before it fails with <see cref="LineRateLimitRejectedException"/> (default 2 s).</summary>
    public TimeSpan QueueTime { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How many calls of one OA and endpoint may wait at once; more fail at once (default 1,000).</summary>
    public int QueueLimit { get; set; } = 1000;

    /// <summary>
    /// Limits that replace the spec's (<c>x-modulegen-rate-limit</c>), by operationId — for an OA whose limit LINE
    /// raised, or to stay further below it.
    /// </summary>
    public IDictionary<string, LineRateLimitSetting> Limits { get; } = new Dictionary<string, LineRateLimitSetting>(StringComparer.Ordinal);

    /// <summary>The limit that applies to an operation: the configured one, else the spec's, else none.</summary>
    public LineRateLimit? LimitFor(LineOperation operation)
        => Limits.TryGetValue(operation.OperationId, out var setting) ? setting.ToLimit() : operation.RateLimit;

    /// <summary>The problems that would stop the limiter from working, each naming the setting; empty when valid.</summary>
    public IReadOnlyList<string> Validate(TimeSpan attemptTimeout)
    {
        var problems = new List<string>();
        if (QueueTime < TimeSpan.Zero || QueueTime >= attemptTimeout)
        {
            problems.Add($"RateLimits:QueueTime ({QueueTime}) must not be negative and must be shorter than Resilience:AttemptTimeout ({attemptTimeout}), which includes it.");
        }

        if (QueueLimit < 0)
        {
            problems.Add($"RateLimits:QueueLimit ({QueueLimit}) must not be negative.");
        }

        foreach (var (operationId, setting) in Limits)
        {
            if (setting.Requests < 3)
            {
                problems.Add($"RateLimits:Limits:{operationId}:Requests ({setting.Requests}) must be at least 3.");
            }
        }

        return problems;
    }
}

/// <summary>A configured rate limit.</summary>
public sealed class LineRateLimitSetting
{
    /// <summary>Requests allowed per <see cref="Per"/>.</summary>
    public int Requests { get; set; }

    /// <summary>The period (Second, Minute, Hour).</summary>
    public LineRateLimitPeriod Per { get; set; } = LineRateLimitPeriod.Second;

    /// <summary>The last limit made from this setting: every call asks for it, and it changes only if the setting does.</summary>
    private LineRateLimit? _limit;

    /// <summary>The setting as a limit (equal to a new one, but not allocated per call).</summary>
    internal LineRateLimit ToLimit()
    {
        var limit = _limit;
        if (limit is null || limit.Requests != Requests || limit.Period != Per)
        {
            limit = new LineRateLimit(Requests, Per);
            _limit = limit;
        }

        return limit;
    }
}
