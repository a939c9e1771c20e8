using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Primitives;
using ModuleGen.Line.Inbox;
using ModuleGen.Line.Webhooks;

namespace ModuleGen.Line.AspNetCore.Webhooks;

/// <summary>
/// The webhook request pipeline: bounded read, signature, one-pass parse, then store every event in the inbox before
/// LINE gets its 200. Nothing is handled here; the inbox worker hands stored events to the typed handlers.
/// </summary>
/// <remarks>
/// Answers: 200 when every event is stored (or was already, as a duplicate) — whatever is wrong inside the events — and
/// to the empty verification call; 401 for a missing or wrong signature; 413 for a body over the limit; 400 for a
/// signed body that is not JSON, not an object, or has no <c>events</c> array, and for a client that hung up mid-body
/// (408 when Kestrel timed it out); 500 only when the store failed and nothing was stored, so that LINE redelivers.
/// </remarks>
internal static class LineWebhookEndpoint
{
    internal const string LoggerCategory = "ModuleGen.Line.AspNetCore.Webhooks.LineWebhookEndpoint";

    public static async Task HandleAsync(HttpContext context)
    {
        var services = context.RequestServices;
        var endpoint = services.GetRequiredService<LineWebhookEndpointServices>();
        try
        {
            await endpoint.Slots.WaitAsync(context.RequestAborted).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The client hung up while waiting for a slot: like any abort before the body was read, one debug line.
            LineWebhookLog.BodyNotRead(endpoint.Logger, StatusCodes.Status400BadRequest, "the client hung up before the request was read");
            return;
        }

        try
        {
            await HandleWithinSlotAsync(context, services, endpoint).ConfigureAwait(false);
        }
        finally
        {
            endpoint.Slots.Release();
        }
    }

    private static async Task HandleWithinSlotAsync(HttpContext context, IServiceProvider services, LineWebhookEndpointServices endpoint)
    {
        var options = endpoint.Options;
        var logger = endpoint.Logger;
        var rejections = endpoint.Rejections;
        ReadOnlyMemory<byte> body;
        try
        {
            var read = await LineWebhookBodyReader
                .ReadAsync(context.Request, options.MaxBodyBytes, context.RequestAborted)
                .ConfigureAwait(false);
            if (read is null)
            {
                Reject(context, rejections, new LineWebhookException(
                    LineWebhookError.BodyTooLarge, $"The body is larger than {options.MaxBodyBytes} bytes."));
                return;
            }

            body = read.Value;
        }
        catch (Exception exception) when (exception is BadHttpRequestException or IOException or OperationCanceledException)
        {
            // The client aborted or stalled mid-body: nothing was signed or stored, so nothing is lost; no stack trace.
            var status = exception is BadHttpRequestException { StatusCode: StatusCodes.Status408RequestTimeout }
                ? StatusCodes.Status408RequestTimeout
                : StatusCodes.Status400BadRequest;
            LineWebhookLog.BodyNotRead(logger, status, exception.Message);
            if (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
            {
                context.Response.StatusCode = status;
            }

            return;
        }

        LineWebhookBatch batch;
        try
        {
            batch = LineWebhookParser.ParseBatch(body, ReadSignature(context.Request), endpoint.ChannelSecrets, options.MaxBodyBytes);
        }
        catch (LineWebhookException exception)
        {
            Reject(context, rejections, exception);
            return;
        }

        ReportProblems(endpoint, batch);
        if (batch.Events.Count == 0)
        {
            LineWebhookLog.VerificationAnswered(logger, batch.Destination);
            context.Response.StatusCode = StatusCodes.Status200OK;
            return;
        }

        var inboxEvents = new LineInboxEvent[batch.Events.Count];
        for (var i = 0; i < inboxEvents.Length; i++)
        {
            inboxEvents[i] = ToInboxEvent(batch.Destination, batch.Events[i]);
        }

        LineInboxEnqueueResult result;
        try
        {
            result = await services.GetRequiredService<ILineWebhookInbox>()
                .EnqueueAsync(inboxEvents, context.RequestAborted)
                .ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // LINE hung up; whatever was stored is deduplicated when it redelivers.
            return;
        }
        catch (Exception exception)
        {
            LineWebhookLog.StoreFailed(logger, exception, inboxEvents.Length, batch.Destination);
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            return;
        }

        if (result.StoredCount > 0)
        {
            services.GetService<ILineWebhookInboxSignal>()?.NotifyEnqueued();
        }

        endpoint.Metrics.Stored(result.StoredCount, result.DuplicateCount);
        LineWebhookLog.Stored(logger, result.StoredCount, batch.Destination, result.DuplicateCount);
        context.Response.StatusCode = StatusCodes.Status200OK;
    }

    /// <summary>
    /// The stored form of one event, from the members the batch's one pass read (the event is typed only by the worker).
    /// The deduplication key is the event's <c>webhookEventId</c> or, for an event from before LINE sent one, the key
    /// derived from its bytes; an event without a readable type is stored as "unknown".
    /// </summary>
    private static LineInboxEvent ToInboxEvent(string? destination, LineWebhookBatchEvent item) =>
        new(
            destination ?? string.Empty,
            item.DeduplicationKey,
            item.Type.Length == 0 ? "unknown" : item.Type,
            item.Timestamp,
            item.IsRedelivery,
            item.Utf8Json);

    /// <summary>
    /// Reports what the endpoint can see without typing the events: a missing destination. What typing finds (unreadable
    /// events, missing required properties) the worker reports when it reads each event.
    /// </summary>
    private static void ReportProblems(LineWebhookEndpointServices endpoint, LineWebhookBatch batch)
    {
        if (batch.Destination is not null)
        {
            return;
        }

        var problem = batch.Problems[0];
        endpoint.Metrics.Problem(problem.Kind);
        LineWebhookLog.Problems(endpoint.Logger, batch.Destination, 1, $"{problem.JsonPath}: {problem.Message}");
    }

    /// <summary>The signature header (names are case-insensitive); a repeated header gives a value that never verifies.</summary>
    private static string? ReadSignature(HttpRequest request)
    {
        var values = request.Headers[LineWebhookSignature.HeaderName];
        return values.Count switch
        {
            0 => null,
            1 => values[0] ?? string.Empty,
            _ => string.Empty,
        };
    }

    private static void Reject(HttpContext context, LineWebhookRejectionLog rejections, LineWebhookException exception)
    {
        var statusCode = exception.Reason switch
        {
            LineWebhookError.MissingSignature or LineWebhookError.InvalidSignature => StatusCodes.Status401Unauthorized,
            LineWebhookError.BodyTooLarge => StatusCodes.Status413PayloadTooLarge,
            _ => StatusCodes.Status400BadRequest,
        };
        rejections.Rejected(statusCode, exception.Reason.ToString(), exception.Message);
        context.Response.StatusCode = statusCode;
    }
}
