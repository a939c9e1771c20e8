namespace ModuleGen.Line;

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
