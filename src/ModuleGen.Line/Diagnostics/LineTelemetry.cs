using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ModuleGen.Line.Diagnostics;

/// <summary>
/// The names of ModuleGen.Line's telemetry, for <c>AddSource</c>/<c>AddMeter</c> in OpenTelemetry (the library depends
/// on no exporter). One activity per call; counters for requests, retries, 429s and limiter rejections; a duration
/// histogram. Metric tags are low-cardinality (operation, host, status); the bot ID is on the activity only.
/// </summary>
public static class LineTelemetry
{
    /// <summary>The ActivitySource and Meter name: the package's.</summary>
    public const string Name = "ModuleGen.Line";

    internal static readonly ActivitySource ActivitySource = new(Name, typeof(LineTelemetry).Assembly.GetName().Version?.ToString());

    internal static readonly Meter Meter = new(Name, typeof(LineTelemetry).Assembly.GetName().Version?.ToString());

    internal static readonly Counter<long> Requests = Meter.CreateCounter<long>(
        "modulegen.line.client.requests", "{request}", "Calls to LINE, by operation, host and final status (0: no response).");

    internal static readonly Histogram<double> Duration = Meter.CreateHistogram<double>(
        "modulegen.line.client.request.duration", "s", "Duration of calls to LINE, every attempt and backoff included.");

    internal static readonly Counter<long> Retries = Meter.CreateCounter<long>(
        "modulegen.line.client.retries", "{retry}", "Attempts repeated by the resilience pipeline, by operation and reason.");

    internal static readonly Counter<long> TooManyRequests = Meter.CreateCounter<long>(
        "modulegen.line.client.too_many_requests", "{response}", "429 answers from LINE, by operation and kind (rate limit, concurrency limit, monthly quota).");

    internal static readonly Counter<long> RateLimiterRejections = Meter.CreateCounter<long>(
        "modulegen.line.client.rate_limiter.rejections", "{request}", "Calls the client-side rate limiter refused (no permit within the queue time).");

    internal static KeyValuePair<string, object?> Operation(string operationId) => new("line.operation", operationId);

    internal static KeyValuePair<string, object?> Host(string? host) => new("server.address", host);
}
