using System;
using System.Collections.Generic;

namespace ModuleGen.Line;

/// <summary>
/// LINE-appropriate settings of the resilience pipeline (<c>AddLineResilience</c>), bindable from configuration
/// (<c>Line:Resilience</c>). Each OA has its own pipeline instance (calls without a bot: one per host), so one OA's
/// failures never open another's circuit.
/// </summary>
public sealed class LineResilienceOptions
{
    /// <summary>The whole call, every attempt and backoff included (default 30 s).</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>One attempt, including its wait for a rate-limit permit (default 10 s); a hung attempt is abandoned and retried when safe.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Retries after the first attempt (default 3).</summary>
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>The first backoff (default 1 s), doubled per retry; a <c>Retry-After</c> from LINE wins.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest backoff (default 8 s).</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(8);

    /// <summary>Randomise backoffs so many OAs' retries do not arrive at LINE together (default true).</summary>
    public bool UseJitter { get; set; } = true;

    /// <summary>The share of failed attempts (5xx, resets, timeouts; not 429) that opens an OA's circuit (default 0.5).</summary>
    public double CircuitFailureRatio { get; set; } = 0.5;

    /// <summary>Attempts an OA must make within <see cref="CircuitSamplingDuration"/> before its circuit can open (default 20).</summary>
    public int CircuitMinimumThroughput { get; set; } = 20;

    /// <summary>The window failures are counted over (default 30 s; at least twice <see cref="AttemptTimeout"/>).</summary>
    public TimeSpan CircuitSamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an open circuit refuses calls before letting a probe through (default 15 s).</summary>
    public TimeSpan CircuitBreakDuration { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>The problems that would stop the pipeline from working, each naming the setting; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (AttemptTimeout <= TimeSpan.Zero)
        {
            problems.Add("Resilience:AttemptTimeout must be positive.");
        }

        if (TotalTimeout <= AttemptTimeout)
        {
            problems.Add($"Resilience:TotalTimeout ({TotalTimeout}) must be longer than Resilience:AttemptTimeout ({AttemptTimeout}).");
        }

        if (MaxRetryAttempts is < 1 or > 10)
        {
            problems.Add($"Resilience:MaxRetryAttempts ({MaxRetryAttempts}) must be between 1 and 10.");
        }

        if (RetryDelay < TimeSpan.Zero || MaxRetryDelay < RetryDelay)
        {
            problems.Add($"Resilience:RetryDelay ({RetryDelay}) must not be negative nor longer than Resilience:MaxRetryDelay ({MaxRetryDelay}).");
        }

        if (CircuitFailureRatio is <= 0 or > 1)
        {
            problems.Add($"Resilience:CircuitFailureRatio ({CircuitFailureRatio}) must be greater than 0 and at most 1.");
        }

        if (CircuitMinimumThroughput < 2)
        {
            problems.Add($"Resilience:CircuitMinimumThroughput ({CircuitMinimumThroughput}) must be at least 2.");
        }

        if (CircuitSamplingDuration < AttemptTimeout * 2)
        {
            problems.Add($"Resilience:CircuitSamplingDuration ({CircuitSamplingDuration}) must be at least twice Resilience:AttemptTimeout ({AttemptTimeout}).");
        }

        if (CircuitBreakDuration < TimeSpan.FromMilliseconds(500))
        {
            problems.Add($"Resilience:CircuitBreakDuration ({CircuitBreakDuration}) must be at least 0.5 s.");
        }

        return problems;
    }
}
