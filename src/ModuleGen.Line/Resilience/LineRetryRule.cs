using System;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using ModuleGen.Line.Models;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace ModuleGen.Line.Resilience;

/// <summary>
/// The one rule for what the resilience pipeline retries and what opens a circuit, applied to the request message of
/// each attempt (M.E.Http.Resilience re-sends the same message). Facts come from the operation the generated code
/// put on the message; safety is <see cref="LineOperation.IsRetrySafeCall"/>.
/// </summary>
internal static class LineRetryRule
{
    /// <summary>Whether to try again: refusals of a replayable request, and ambiguous failures of a retry-safe one.</summary>
    public static async ValueTask<bool> ShouldRetryAsync(RetryPredicateArguments<HttpResponseMessage> args)
    {
        var request = args.Context.GetRequestMessage();
        if (request is null || args.Context.CancellationToken.IsCancellationRequested || !CanReplay(request))
        {
            return false;
        }

        return await ClassifyAsync(request, args.Outcome).ConfigureAwait(false) switch
        {
            LineAttemptFailure.Refused => true,
            LineAttemptFailure.Ambiguous => IsRetrySafe(request),
            _ => false,
        };
    }

    /// <summary>
    /// Whether an outcome counts against the circuit: LINE or the network failing (5xx, 408, resets, attempt timeouts).
    /// A 429 does not — it is one OA's limit, not LINE being down — and neither does anything the client refused itself.
    /// </summary>
    public static ValueTask<bool> ShouldBreak(CircuitBreakerPredicateArguments<HttpResponseMessage> args)
        => new(args.Outcome.Exception is { } exception
            ? IsTransportFailure(exception)
            : args.Outcome.Result is { } response && IsServerFailure(response.StatusCode));

    /// <summary>Whether the request's body can be sent again: none, or a buffer (JSON, form). A stream cannot be replayed.</summary>
    public static bool CanReplay(HttpRequestMessage request) => request.Content is null or ByteArrayContent;

    /// <summary>Whether doing the request twice is harmless, by the operation's spec facts (or, without one, the method and retry key).</summary>
    public static bool IsRetrySafe(HttpRequestMessage request)
        => request.Options.TryGetValue(LineRequestOptions.Operation, out var operation)
            ? operation.IsRetrySafe
            : LineOperation.IsRetrySafeCall(request.Method.Method, request.Options.TryGetValue(LineRequestOptions.RetryKey, out _));

    /// <summary>What kind of failure an attempt's outcome is.</summary>
    public static async ValueTask<LineAttemptFailure> ClassifyAsync(HttpRequestMessage request, Outcome<HttpResponseMessage> outcome)
    {
        if (outcome.Exception is { } exception)
        {
            if (exception is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError })
            {
                return LineAttemptFailure.Refused;
            }

            return IsTransportFailure(exception) ? LineAttemptFailure.Ambiguous : LineAttemptFailure.None;
        }

        var response = outcome.Result!;
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            var kind = await TooManyRequestsKindAsync(response).ConfigureAwait(false);
            var hourly = request.Options.TryGetValue(LineRequestOptions.Operation, out var operation)
                && operation.RateLimit?.Period == LineRateLimitPeriod.Hour;
            return kind == LineTooManyRequestsKind.MonthlyQuota || hourly ? LineAttemptFailure.NotRetryable : LineAttemptFailure.Refused;
        }

        return IsServerFailure(response.StatusCode) ? LineAttemptFailure.Ambiguous : LineAttemptFailure.None;
    }

    /// <summary>Reads a 429's message (buffering the small body, so the caller can still read it) and names the limit.</summary>
    public static async ValueTask<LineTooManyRequestsKind> TooManyRequestsKindAsync(HttpResponseMessage response)
    {
        try
        {
            var body = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
            return body.Length == 0
                ? LineTooManyRequestsKind.Unspecified
                : LineFailurePolicy.TooManyRequestsKindOf(LineJson.Parse<ErrorResponse>(body).Message);
        }
        catch (Exception exception) when (exception is System.Text.Json.JsonException or HttpRequestException or System.IO.IOException)
        {
            return LineTooManyRequestsKind.Unspecified;
        }
    }

    private static bool IsTransportFailure(Exception exception)
        => exception is HttpRequestException or TimeoutRejectedException or TaskCanceledException or System.IO.IOException;

    private static bool IsServerFailure(HttpStatusCode status)
        => (int)status >= 500 || status == HttpStatusCode.RequestTimeout;
}
