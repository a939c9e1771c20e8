namespace ModuleGen.Line;

/// <summary>Which of LINE's limits a 429 reports; LINE tells them apart only by the error body's <c>message</c>.</summary>
public enum LineTooManyRequestsKind
{
    /// <summary>A 429 whose message names none of the known limits; handled like a rate limit.</summary>
    Unspecified,

    /// <summary>"The API rate limit has been exceeded. Try again later." — the endpoint's per-second (or per-hour) limit.</summary>
    RateLimit,

    /// <summary>Too many requests in flight at once (LINE's concurrency limit).</summary>
    ConcurrencyLimit,

    /// <summary>"You have reached your monthly limit." — the OA's message quota is spent until next month.</summary>
    MonthlyQuota,
}
