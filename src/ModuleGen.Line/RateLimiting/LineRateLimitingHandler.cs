using System;
using System.Net.Http;
using System.Threading;
using System.Threading.RateLimiting;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ModuleGen.Line.Diagnostics;
using ModuleGen.Line.Runtime;

namespace ModuleGen.Line.RateLimiting;

/// <summary>
/// Takes a permit from the <see cref="ILineRateLimiter"/> for each attempt (LINE counts every request, retries too),
/// keyed by the message's OA and operation. A call that finds none within the queue time is not sent: it fails with
/// <see cref="LineRateLimitRejectedException"/>. Messages without a LINE operation or a known limit pass straight through.
/// </summary>
internal sealed class LineRateLimitingHandler : DelegatingHandler
{
    private readonly ILineRateLimiter _limiter;
    private readonly LineRateLimiterOptions _options;
    private readonly ILogger _logger;

    public LineRateLimitingHandler(ILineRateLimiter limiter, LineRateLimiterOptions options, ILogger? logger = null)
    {
        _limiter = limiter;
        _options = options;
        _logger = logger ?? NullLogger.Instance;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!_options.Enabled
            || !request.Options.TryGetValue(LineRequestOptions.Operation, out var operation)
            || _options.LimitFor(operation) is not { } limit)
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        request.Options.TryGetValue(LineRequestOptions.BotId, out var botId);
        using var lease = await AcquireAsync(request, operation, botId, limit, cancellationToken).ConfigureAwait(false);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask<RateLimitLease> AcquireAsync(
        HttpRequestMessage request, LineOperation operation, string? botId, LineRateLimit limit, CancellationToken cancellationToken)
    {
        var key = new LineRateLimitKey(botId, operation.OperationId);
        if (_limiter.TryAcquireNow(key, limit) is { } free)
        {
            return free;
        }

        using var queueTime = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        queueTime.CancelAfter(_options.QueueTime);
        RateLimitLease lease;
        try
        {
            lease = await _limiter.AcquireAsync(key, limit, queueTime.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw Rejected(request, operation, botId, limit, retryAfter: null);
        }

        if (lease.IsAcquired)
        {
            return lease;
        }

        lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter);
        lease.Dispose();
        throw Rejected(request, operation, botId, limit, retryAfter == TimeSpan.Zero ? null : retryAfter);
    }

    private LineRateLimitRejectedException Rejected(HttpRequestMessage request, LineOperation operation, string? botId, LineRateLimit limit, TimeSpan? retryAfter)
    {
        LineTelemetry.RateLimiterRejections.Add(1, LineTelemetry.Operation(operation.OperationId), LineTelemetry.Host(request.RequestUri?.Host));
        LineClientLog.RateLimiterRejected(_logger, operation.OperationId, botId, limit.Requests, limit.Period.ToString(), (long)_options.QueueTime.TotalMilliseconds);
        return new LineRateLimitRejectedException(
            $"No permit for {operation.OperationId} of bot {botId ?? "(none)"} within {_options.QueueTime.TotalMilliseconds:0} ms (client-side limit {limit.Requests} per {limit.Period}); the request was not sent.",
            operation.OperationId,
            botId,
            retryAfter,
            LineApiException.RetryKeyOf(request));
    }
}
