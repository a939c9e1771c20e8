using System;

namespace ModuleGen.Line.Inbox;

/// <summary>Exponential backoff with full jitter, as in the AWS Architecture Blog's "Exponential Backoff And Jitter".</summary>
internal static class LineRetryBackoff
{
    /// <summary>The delay before the attempt after failed attempt number <paramref name="failedAttempt"/>.</summary>
    /// <param name="failedAttempt">The attempt that failed, starting at 1.</param>
    /// <param name="options">Supplies the base delay and the cap.</param>
    /// <param name="jitter">A sample from [0, 1): the fraction of the ceiling to wait.</param>
    public static TimeSpan ComputeDelay(int failedAttempt, LineWebhookInboxOptions options, double jitter)
    {
        // 2^62 already exceeds TimeSpan.MaxValue.Ticks; clamping the exponent keeps the double finite.
        var ceilingTicks = options.RetryBaseDelay.Ticks * Math.Pow(2, Math.Clamp(failedAttempt - 1, 0, 62));
        var cappedTicks = Math.Min(ceilingTicks, options.RetryMaxDelay.Ticks);
        return TimeSpan.FromTicks((long)(cappedTicks * jitter));
    }
}
