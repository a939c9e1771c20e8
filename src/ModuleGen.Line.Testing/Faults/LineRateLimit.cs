namespace ModuleGen.Line.Testing.Faults;

/// <summary>Which of LINE's limits a 429 reports; LINE tells them apart only by the error <c>message</c>.</summary>
public enum LineRateLimit
{
    /// <summary>The per-endpoint rate limit: "The API rate limit has been exceeded. Try again later."</summary>
    RateLimit,

    /// <summary>
    /// The concurrency limit. LINE does not publish this message's wording; the fake says
    /// "The number of concurrent requests exceeds the limit", so match on the status and kind, not the text.
    /// </summary>
    Concurrency,

    /// <summary>The monthly message quota: "You have reached your monthly limit."</summary>
    MonthlyQuota,
}
