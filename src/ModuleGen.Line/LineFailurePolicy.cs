using System;
using ModuleGen.Line.Tenants;
using ModuleGen.Line.Tokens;

namespace ModuleGen.Line;

/// <summary>
/// The one place that decides which failures of a call or a webhook handler are permanent and which are worth retrying.
/// The inbox worker asks it before scheduling a retry; every feature that refuses a call (scope guard, rate limiter,
/// tenant state) reports through it by the exception it throws.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Permanent: 400 (for example an expired or already used reply token: single-use, valid about a minute), 403,
/// 404, 410, 413, 415, a 409 that is not "already accepted", a 429 whose message says the monthly quota is spent
/// (<see cref="LineMonthlyQuotaExceededException"/>), a success whose body could not be read
/// (<see cref="LineResponseUnreadableException"/>: the work was done, so doing it again could duplicate it); a
/// request refused before sending (<see cref="ArgumentException"/>: outside the spec), a scope the OA did not grant,
/// an event without a tenant, an OA the tenant registry knows to be detached or suspended
/// (<see cref="LineTenantUnavailableException"/>), a long-lived token, and anything wrapped in <see cref="LinePermanentFailureException"/>.</item>
/// <item>Transient: 401 (the pipeline already retried once with a fresh token; a token service may recover), 408,
/// 423, a rate-limit or concurrency 429, 5xx, a failure with no response (status 0), a call the client-side rate
/// limiter refused (<see cref="LineRateLimitRejectedException"/>) or an open circuit refused
/// (<see cref="LineCircuitOpenException"/>) — neither was sent — and any other exception.</item>
/// </list>
/// </remarks>
public static class LineFailurePolicy
{
    /// <summary>LINE's <c>message</c> on a 429 when the monthly message quota is spent.</summary>
    public const string MonthlyLimitMessage = "You have reached your monthly limit.";

    /// <summary>Classifies a failure; the innermost <see cref="LinePermanentFailureException"/> or <see cref="LineApiException"/> decides when one is wrapped.</summary>
    public static LineFailureDecision Classify(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case LinePermanentFailureException permanent:
                    return Permanent(permanent.Message);
                case LineMonthlyQuotaExceededException:
                    return Permanent("LINE's monthly message quota is spent (429).");
                case LineResponseUnreadableException unreadable:
                    return Permanent($"LINE accepted the request ({unreadable.Status}) but its response could not be read; sending it again could do the work twice.");
                case LineRateLimitRejectedException or LineCircuitOpenException:
                    return Transient(current.Message);
                case LineApiException api:
                    return ClassifyStatus(api);
                case LineScopeNotGrantedException or LineUnknownTenantException or LineTenantUnavailableException
                    or LineLongLivedTokenNotAllowedException:
                    return Permanent(current.Message);
                case ArgumentException:
                    return Permanent("The request was refused before sending: " + current.Message);
            }
        }

        return Transient(exception.GetType().Name + ": " + exception.Message);
    }

    /// <summary>Whether a 429 is LINE's monthly quota (never worth retrying this month) rather than a rate or concurrency limit.</summary>
    public static bool IsMonthlyQuota(LineApiException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception.TooManyRequestsKind == LineTooManyRequestsKind.MonthlyQuota;
    }

    /// <summary>Which limit a 429 reports, from LINE's error <c>message</c> (the only place LINE says it).</summary>
    public static LineTooManyRequestsKind TooManyRequestsKindOf(string? message)
    {
        if (message is null)
        {
            return LineTooManyRequestsKind.Unspecified;
        }

        if (message.Contains("monthly limit", StringComparison.OrdinalIgnoreCase))
        {
            return LineTooManyRequestsKind.MonthlyQuota;
        }

        if (message.Contains("concurren", StringComparison.OrdinalIgnoreCase))
        {
            return LineTooManyRequestsKind.ConcurrencyLimit;
        }

        return message.Contains("rate limit", StringComparison.OrdinalIgnoreCase)
            ? LineTooManyRequestsKind.RateLimit
            : LineTooManyRequestsKind.Unspecified;
    }

    private static LineFailureDecision ClassifyStatus(LineApiException exception) => exception.Status switch
    {
        429 when IsMonthlyQuota(exception) => Permanent("LINE's monthly message quota is spent (429)."),
        0 or 401 or 408 or 423 or 429 or >= 500 => Transient($"LINE answered {exception.Status}: {exception.Message}"),
        _ => Permanent($"LINE answered {exception.Status}: {exception.Message}"),
    };

    private static LineFailureDecision Permanent(string reason) => new(LineFailureKind.Permanent, reason);

    private static LineFailureDecision Transient(string reason) => new(LineFailureKind.Transient, reason);
}
