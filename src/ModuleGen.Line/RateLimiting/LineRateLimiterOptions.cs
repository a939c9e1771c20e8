using System;
using System.Collections.Generic;

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
