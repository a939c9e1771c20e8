using System;
using System.Diagnostics;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using ModuleGen.Line.Resilience;
using ModuleGen.Line.Runtime;
using Polly;
using Polly.Retry;

namespace ModuleGen.Line.Diagnostics;

/// <summary>
/// One call's telemetry: its activity, start time and attempt count. It travels on the request message, so the
/// resilience pipeline's retries (which re-send that message) are counted on the call they belong to.
/// </summary>
internal sealed class LineCallTelemetry
{
    public static readonly HttpRequestOptionsKey<LineCallTelemetry> Option = new("ModuleGen.Line.Call");

    private readonly long _started = Stopwatch.GetTimestamp();
    private readonly Activity? _activity;
    private readonly Uri? _requestUri;
    private string? _host;
    private int _attempts;

    private LineCallTelemetry(LineOperation operation, string? botId, Uri? requestUri, string? retryKey)
    {
        Operation = operation;
        BotId = botId;
        _requestUri = requestUri;
        RetryKey = retryKey;
        _activity = LineTelemetry.ActivitySource.StartActivity(operation.ActivityName, ActivityKind.Client);
        if (_activity is not null)
        {
            _activity.SetTag("line.operation", operation.OperationId);
            _activity.SetTag("http.request.method", operation.Method);
            _activity.SetTag("server.address", Host);
            _activity.SetTag("line.bot_id", botId);
            _activity.SetTag("line.retry_key", retryKey);
        }
    }

    public LineOperation Operation { get; }

    public string? BotId { get; }

    /// <summary>
    /// The request's host, read only when telemetry needs it: reading it makes the Uri parse the rest of its text, work
    /// a call nobody observes should not do.
    /// </summary>
    public string? Host => _host ??= _requestUri?.Host;

    public string? RetryKey { get; }

    public int Attempts => Volatile.Read(ref _attempts);

    /// <summary>Starts a call's telemetry and puts it on the message.</summary>
    public static LineCallTelemetry Start(HttpRequestMessage message, LineOperation operation, string? botId)
    {
        message.Options.TryGetValue(LineRequestOptions.RetryKey, out var retryKey);
        var call = new LineCallTelemetry(operation, botId, message.RequestUri, retryKey);
        message.Options.Set(Option, call);
        return call;
    }

    /// <summary>The pipeline hands the message to the HTTP client (the first attempt, or the re-send after a 401).</summary>
    public void Transmitting() => Interlocked.Increment(ref _attempts);

    /// <summary>Records the call's end: status (0 without a response), attempts, LINE's request ID, duration.</summary>
    public void Complete(int status, string? requestId, Exception? error)
    {
        // Without a metrics listener the tags (a boxed status among them) would be built for nothing.
        if (LineTelemetry.Requests.Enabled || LineTelemetry.Duration.Enabled)
        {
            var tags = new TagList
            {
                LineTelemetry.Operation(Operation.OperationId),
                LineTelemetry.Host(Host),
                { "http.response.status_code", status },
            };
            if (error is not null)
            {
                tags.Add("error.type", error.GetType().Name);
            }

            LineTelemetry.Requests.Add(1, tags);
            LineTelemetry.Duration.Record(Stopwatch.GetElapsedTime(_started).TotalSeconds, tags);
        }

        if (status == 429)
        {
            RecordTooManyRequests(Operation.OperationId, Host, (error as LineApiException)?.TooManyRequestsKind ?? LineTooManyRequestsKind.Unspecified);
        }

        if (_activity is null)
        {
            return;
        }

        _activity.SetTag("http.response.status_code", status);
        _activity.SetTag("line.attempts", Attempts);
        _activity.SetTag("line.request_id", requestId);
        if (error is not null)
        {
            _activity.SetTag("error.type", error.GetType().Name);
            _activity.SetStatus(ActivityStatusCode.Error, error.GetType().Name);
        }

        _activity.Dispose();
    }

    /// <summary>The resilience pipeline is about to try again: count it on the call, the retry metric and the log.</summary>
    public static async ValueTask OnRetryAsync(OnRetryArguments<HttpResponseMessage> args, ILogger? logger)
    {
        var request = args.Context.GetRequestMessage();
        if (request is null || !request.Options.TryGetValue(Option, out var call))
        {
            return;
        }

        Interlocked.Increment(ref call._attempts);
        var reason = args.Outcome.Exception is { } exception ? exception.GetType().Name : ((int)args.Outcome.Result!.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (args.Outcome.Result is { StatusCode: System.Net.HttpStatusCode.TooManyRequests } throttled)
        {
            var kind = await LineRetryRule.TooManyRequestsKindAsync(throttled).ConfigureAwait(false);
            RecordTooManyRequests(call.Operation.OperationId, call.Host, kind);
            reason = "429 " + kind;
        }

        LineTelemetry.Retries.Add(1, LineTelemetry.Operation(call.Operation.OperationId), LineTelemetry.Host(call.Host), new("line.retry.reason", reason));
        if (logger is not null)
        {
            LineClientLog.Retrying(logger, call.Operation.OperationId, call.BotId, (long)args.RetryDelay.TotalMilliseconds, reason, args.AttemptNumber + 1, call.RetryKey);
        }
    }

    private static void RecordTooManyRequests(string operationId, string? host, LineTooManyRequestsKind kind)
        => LineTelemetry.TooManyRequests.Add(1, LineTelemetry.Operation(operationId), LineTelemetry.Host(host), new("line.too_many_requests.kind", kind.ToString()));
}
