using System;
using System.Net.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ModuleGen.Line;
using ModuleGen.Line.Diagnostics;
using ModuleGen.Line.Resilience;
using ModuleGen.Line.Runtime;
using Polly;

namespace ModuleGen.Line;

/// <summary>Adds LINE's resilience pipeline (Microsoft.Extensions.Http.Resilience) to an HTTP client builder.</summary>
public static class LineResilienceHttpClientBuilderExtensions
{
    /// <summary>
    /// Adds the standard resilience handler with LINE's rules: total timeout → retry (exponential backoff with jitter,
    /// <c>Retry-After</c> honoured; only what cannot do the work twice, see <see cref="LineOperation.IsRetrySafeCall"/>;
    /// a 429 by its kind) → circuit breaker (429s do not count) → attempt timeout. Pipelines are partitioned by OA
    /// (the bot-id header), or by host for calls without one. Settings come from <see cref="LineResilienceOptions"/>
    /// named after the client (<c>AddLineModule</c> binds <c>Line:Resilience</c>); <paramref name="configure"/> runs
    /// last. A <c>Retry.DisableForUnsafeHttpMethods()</c> there wraps LINE's rule and vetoes every POST, retry-keyed
    /// pushes included. The client's own <see cref="HttpClient.Timeout"/> is turned off: the total timeout bounds the
    /// call (a total timeout configured above .NET's 100 s default is no longer cut short by it, and HttpClient arms no
    /// second timer per call); a <c>ConfigureHttpClient</c> after this call sets one again.
    /// </summary>
    public static IHttpStandardResiliencePipelineBuilder AddLineResilience(
        this IHttpClientBuilder builder, Action<HttpStandardResilienceOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var clientName = builder.Name;
        builder.Services.AddOptions<LineResilienceOptions>(clientName).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<LineResilienceOptions>>(
            new LineOptionsValidator<LineResilienceOptions>(clientName, static options => options.Validate()));
        builder.ConfigureHttpClient(static client => client.Timeout = System.Threading.Timeout.InfiniteTimeSpan);
        return builder.AddStandardResilienceHandler()
            .Configure((options, services) =>
            {
                var line = services.GetRequiredService<IOptionsMonitor<LineResilienceOptions>>().Get(clientName);
                Apply(options, line, services.GetService<ILoggerFactory>()?.CreateLogger("ModuleGen.Line.Resilience"));
                configure?.Invoke(options);
            })
            .SelectPipelineBy(static services => static request => PartitionOf(request));
    }

    /// <summary>
    /// The last OA's partition key: a module usually makes runs of calls for one OA, and then builds no key per call. An
    /// immutable object, so a reader racing a writer sees one OA's pair, never one OA's ID with another's key.
    /// </summary>
    private static BotPartition s_lastBotPartition = new(string.Empty, "bot:");

    /// <summary>One pipeline (so one circuit) per OA, or per host for calls made for no OA. Bot IDs are not secret.</summary>
    internal static string PartitionOf(HttpRequestMessage request)
    {
        if (!request.Options.TryGetValue(LineRequestOptions.BotId, out var botId))
        {
            return "host:" + request.RequestUri?.Authority;
        }

        var last = s_lastBotPartition;
        if (string.Equals(last.BotId, botId, StringComparison.Ordinal))
        {
            return last.Key;
        }

        var partition = new BotPartition(botId, "bot:" + botId);
        s_lastBotPartition = partition;
        return partition.Key;
    }

    private sealed record BotPartition(string BotId, string Key);

    private static void Apply(HttpStandardResilienceOptions options, LineResilienceOptions line, ILogger? logger)
    {
        options.TotalRequestTimeout.Timeout = line.TotalTimeout;
        options.AttemptTimeout.Timeout = line.AttemptTimeout;

        options.Retry.MaxRetryAttempts = line.MaxRetryAttempts;
        options.Retry.Delay = line.RetryDelay;
        options.Retry.MaxDelay = line.MaxRetryDelay;
        options.Retry.BackoffType = DelayBackoffType.Exponential;
        options.Retry.UseJitter = line.UseJitter;
        options.Retry.ShouldRetryAfterHeader = true;
        options.Retry.ShouldHandle = LineRetryRule.ShouldRetryAsync;
        options.Retry.OnRetry = args => LineCallTelemetry.OnRetryAsync(args, logger);

        options.CircuitBreaker.FailureRatio = line.CircuitFailureRatio;
        options.CircuitBreaker.MinimumThroughput = line.CircuitMinimumThroughput;
        options.CircuitBreaker.SamplingDuration = line.CircuitSamplingDuration;
        options.CircuitBreaker.BreakDuration = line.CircuitBreakDuration;
        options.CircuitBreaker.ShouldHandle = LineRetryRule.ShouldBreak;
    }
}
