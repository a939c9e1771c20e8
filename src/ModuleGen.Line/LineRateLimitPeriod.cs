namespace ModuleGen.Line;

/// <summary>The period of a LINE rate limit.</summary>
public enum LineRateLimitPeriod
{
    /// <summary>Per second.</summary>
    Second,

    /// <summary>Per minute.</summary>
    Minute,

    /// <summary>Per hour.</summary>
    Hour,
}
