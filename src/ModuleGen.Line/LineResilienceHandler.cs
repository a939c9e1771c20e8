using System;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using ModuleGen.Line.Runtime;
using Polly;
using Polly.Retry;

namespace ModuleGen.Line;

/// <summary>
/// Retries transient LINE failures (transport errors, 429, 5xx) with exponential backoff and jitter — but only for
/// requests whose repetition cannot do the work twice: idempotent methods, and calls that carry a retry key. The
/// same request message is re-sent, so a push keeps its X-Line-Retry-Key across attempts and LINE delivers it once
/// (a repeat answers 409 "already accepted", which the client reports as success). Users who have
/// Microsoft.Extensions.Http.Resilience can use <c>AddStandardResilienceHandler</c> instead, with the same rule.
/// </summary>
public sealed class LineResilienceHandler : DelegatingHandler
{
    private static readonly ResiliencePropertyKey<HttpRequestMessage> RequestKey = new("ModuleGen.Line.Request");
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;

    /// <summary>Creates the handler.</summary>
    public LineResilienceHandler(LineResilienceOptions? options = null)
    {
        options ??= new LineResilienceOptions();
        _pipeline = new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxRetryAttempts,
                Delay = options.BaseDelay,
                MaxDelay = options.MaxDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = static args => ValueTask.FromResult(ShouldRetry(args.Context, args.Outcome)),
                OnRetry = static args =>
                {
                    args.Outcome.Result?.Dispose();
                    return default;
                },
            })
            .Build();
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(RequestKey, request);
        try
        {
            return await _pipeline.ExecuteAsync(
                static async (ctx, state) => await state.Handler.BaseSendAsync(state.Request, ctx.CancellationToken).ConfigureAwait(false),
                context,
                (Handler: this, Request: request)).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private Task<HttpResponseMessage> BaseSendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        => base.SendAsync(request, cancellationToken);

    private static bool ShouldRetry(ResilienceContext context, Outcome<HttpResponseMessage> outcome)
    {
        if (context.CancellationToken.IsCancellationRequested
            || !context.Properties.TryGetValue(RequestKey, out var request)
            || !IsRetrySafe(request))
        {
            return false;
        }

        if (outcome.Exception is not null)
        {
            return outcome.Exception is HttpRequestException or TimeoutException or TaskCanceledException;
        }

        var status = (int)outcome.Result!.StatusCode;
        return status == (int)HttpStatusCode.TooManyRequests || status >= 500;
    }

    private static bool IsRetrySafe(HttpRequestMessage request)
        => request.Options.TryGetValue(LineRequest.OperationOption, out var operation)
            ? operation.IsRetrySafe
            : request.Method == HttpMethod.Get || request.Method == HttpMethod.Head;
}

/// <summary>Settings of <see cref="LineResilienceHandler"/>.</summary>
public sealed class LineResilienceOptions
{
    /// <summary>Retries after the first attempt (default 3).</summary>
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>The first backoff delay (default 500 ms), doubled per attempt, with jitter.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest backoff delay (default 10 s).</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(10);
}
