using System.Threading;
using System.Threading.Tasks;
using ModuleGen.Line.Webhooks;

namespace ModuleGen.Line.AspNetCore.Webhooks;

/// <summary>
/// Handles webhook events of one type, for example <c>ILineWebhookHandler&lt;MessageEvent&gt;</c>. A handler for
/// <see cref="Event"/> is the catch-all: it gets every event that has no handler of its own type, including
/// <see cref="UnknownEvent"/>. Register handlers with <see cref="LineWebhookBuilder.AddHandler{TEvent, THandler}"/>.
/// </summary>
/// <remarks>
/// Handlers run in the background after LINE got its 200, one DI scope per event. Delivery is at least once (LINE
/// redelivers, and an attempt interrupted by a crash is repeated), so key side effects on
/// <see cref="LineTenantContext.WebhookEventId"/>. Throwing records a failed attempt: the event is retried with backoff
/// and dead-lettered after the inbox's last attempt.
/// </remarks>
/// <typeparam name="TEvent">The event type handled.</typeparam>
public interface ILineWebhookHandler<TEvent>
    where TEvent : Event
{
    /// <summary>Handles one event.</summary>
    /// <param name="webhookEvent">The event.</param>
    /// <param name="context">The OA the event is for, its Messaging API client, and the reply helper.</param>
    /// <param name="cancellationToken">Cancelled when the host stops; the event is then released, not failed.</param>
    ValueTask HandleAsync(TEvent webhookEvent, LineTenantContext context, CancellationToken cancellationToken);
}
