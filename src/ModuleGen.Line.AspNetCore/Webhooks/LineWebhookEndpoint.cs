using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using ModuleGen.Line.AspNetCore.Inbox;
using ModuleGen.Line.Webhooks;

namespace ModuleGen.Line.AspNetCore.Webhooks;

/// <summary>
/// The webhook request pipeline: bounded read, signature, parse, then store every event in the inbox before LINE
/// gets its 200. Nothing is handled here; the inbox worker hands stored events to the typed handlers.
/// </summary>
/// <remarks>
/// Answers: 200 when every event is stored (or was already, as a duplicate) and to the empty verification call; 401
/// for a missing or wrong signature; 413 for a body over the limit; 400 for a signed body that is not a webhook;
/// 500 when the store fails, so that LINE redelivers.
/// </remarks>
internal static class LineWebhookEndpoint
{
    private const string LoggerCategory = "ModuleGen.Line.AspNetCore.Webhooks.LineWebhookEndpoint";

    public static async Task HandleAsync(HttpContext context)
    {
        IServiceProvider services = context.RequestServices;
        LineWebhookOptions options = services.GetRequiredService<IOptions<LineWebhookOptions>>().Value;
        ILogger logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(LoggerCategory);

        ReadOnlyMemory<byte>? read = await LineWebhookBodyReader
            .ReadAsync(context.Request, options.MaxBodyBytes, context.RequestAborted)
            .ConfigureAwait(false);
        if (read is not { } body)
        {
            Reject(context, logger, new LineWebhookException(
                LineWebhookError.BodyTooLarge, $"The body is larger than {options.MaxBodyBytes} bytes."));
            return;
        }

        CallbackRequest request;
        IReadOnlyList<ReadOnlyMemory<byte>> rawEvents;
        try
        {
            request = LineWebhookParser.Parse(
                body.Span, ReadSignature(context.Request), options.ChannelSecrets.ToArray(), options.MaxBodyBytes);
            rawEvents = LineWebhookEventSlicer.Slice(body);
            if (rawEvents.Count != request.Events.Count)
            {
                throw new LineWebhookException(
                    LineWebhookError.InvalidShape, "The events array could not be split into its event objects.");
            }
        }
        catch (LineWebhookException exception)
        {
            Reject(context, logger, exception);
            return;
        }

        if (request.Events.Count == 0)
        {
            LineWebhookLog.VerificationAnswered(logger, request.Destination);
            context.Response.StatusCode = StatusCodes.Status200OK;
            return;
        }

        var inboxEvents = new InboxEvent[request.Events.Count];
        for (int i = 0; i < inboxEvents.Length; i++)
        {
            Event webhookEvent = request.Events[i];
            inboxEvents[i] = new InboxEvent(
                request.Destination,
                webhookEvent.WebhookEventId,
                webhookEvent.Type,
                webhookEvent.Timestamp,
                webhookEvent.DeliveryContext.IsRedelivery,
                rawEvents[i]);
        }

        InboxEnqueueResult result;
        try
        {
            result = await services.GetRequiredService<IWebhookInbox>()
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
            LineWebhookLog.StoreFailed(logger, exception, inboxEvents.Length, request.Destination);
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            return;
        }

        if (result.StoredCount > 0)
        {
            services.GetService<IWebhookInboxSignal>()?.NotifyEnqueued();
        }

        LineWebhookLog.Stored(logger, result.StoredCount, request.Destination, result.DuplicateCount);
        context.Response.StatusCode = StatusCodes.Status200OK;
    }

    /// <summary>The signature header (names are case-insensitive); a repeated header gives a value that never verifies.</summary>
    private static string? ReadSignature(HttpRequest request)
    {
        StringValues values = request.Headers[LineWebhookSignature.HeaderName];
        return values.Count switch
        {
            0 => null,
            1 => values[0] ?? string.Empty,
            _ => string.Empty,
        };
    }

    private static void Reject(HttpContext context, ILogger logger, LineWebhookException exception)
    {
        int statusCode = exception.Reason switch
        {
            LineWebhookError.MissingSignature or LineWebhookError.InvalidSignature => StatusCodes.Status401Unauthorized,
            LineWebhookError.BodyTooLarge => StatusCodes.Status413PayloadTooLarge,
            _ => StatusCodes.Status400BadRequest,
        };
        LineWebhookLog.Rejected(logger, statusCode, exception.Reason, exception.Message);
        context.Response.StatusCode = statusCode;
    }
}
