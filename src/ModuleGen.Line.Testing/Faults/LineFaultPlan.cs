using System;

namespace ModuleGen.Line.Testing.Faults;

/// <summary>How the calls chosen by <see cref="LineFaults.Next"/> fail; call exactly one method.</summary>
public sealed class LineFaultPlan
{
    private readonly Action<PlannedFault> add;
    private readonly int count;

    internal LineFaultPlan(Action<PlannedFault> add, int count)
    {
        this.add = add;
        this.count = count;
    }

    /// <summary>Each call is answered with <paramref name="status"/> and LINE's error body carrying <paramref name="message"/>; nothing else happens.</summary>
    public void FailWith(int status, string message)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(status, 400);
        ArgumentException.ThrowIfNullOrEmpty(message);
        add(new PlannedFault(LineFaultKind.Status, count, status, message));
    }

    /// <summary>
    /// Each call is answered with 429 and the message of <paramref name="kind"/>. LINE does not publish the concurrency
    /// limit's wording; the fake says "The number of concurrent requests exceeds the limit", so match on the status and
    /// <see cref="LineApiException.TooManyRequestsKind"/>, not the text.
    /// </summary>
    public void RateLimited(LineTooManyRequestsKind kind = LineTooManyRequestsKind.RateLimit) => FailWith(429, Message(kind));

    /// <summary>Each call waits <paramref name="delay"/> in the fake before it is served as usual.</summary>
    public void Delay(TimeSpan delay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        add(new PlannedFault(LineFaultKind.Delay, count, delay: delay));
    }

    /// <summary>Each call fails with a connection reset before it reaches the fake: nothing is recorded or done.</summary>
    public void ResetBeforeRequest() => add(new PlannedFault(LineFaultKind.ResetBeforeRequest, count));

    /// <summary>
    /// Each call reaches the fake, which records it and acts on it (a push is sent, a retry key remembered), and then the
    /// connection resets before the client reads the answer: the case that makes retry keys matter.
    /// </summary>
    public void LoseAnswer() => add(new PlannedFault(LineFaultKind.AnswerLost, count));

    internal static string Message(LineTooManyRequestsKind kind) => kind switch
    {
        LineTooManyRequestsKind.RateLimit => "The API rate limit has been exceeded. Try again later.",
        LineTooManyRequestsKind.ConcurrencyLimit => "The number of concurrent requests exceeds the limit",
        LineTooManyRequestsKind.MonthlyQuota => "You have reached your monthly limit.",
        LineTooManyRequestsKind.Unspecified => "Too many requests.",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not one of LINE's limits."),
    };
}
