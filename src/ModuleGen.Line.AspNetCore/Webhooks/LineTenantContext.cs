using System;
using System.Collections.Generic;
using ModuleGen.Line.Webhooks;

namespace ModuleGen.Line.AspNetCore.Webhooks;

/// <summary>
/// The OA (tenant) a webhook event belongs to, as a handler sees it: its bot ID (the envelope's
/// <c>destination</c>), a Messaging API client acting for it, and a reply helper when the event can be replied to.
/// </summary>
/// <remarks>Created per event by the dispatcher; immutable.</remarks>
public sealed class LineTenantContext
{
    /// <summary>Creates a context. The dispatcher does this; tests of handlers can too.</summary>
    public LineTenantContext(
        string botId,
        EventMode mode,
        MessagingApiBotClient messaging,
        LineReplyContext? reply,
        string webhookEventId,
        bool isRedelivery,
        int attempt)
    {
        ArgumentException.ThrowIfNullOrEmpty(botId);
        ArgumentNullException.ThrowIfNull(messaging);
        ArgumentException.ThrowIfNullOrEmpty(webhookEventId);

        BotId = botId;
        Mode = mode;
        Messaging = messaging;
        Reply = reply;
        WebhookEventId = webhookEventId;
        IsRedelivery = isRedelivery;
        Attempt = attempt;
    }

    /// <summary>The user ID of the OA's bot: the envelope's <c>destination</c>, and the tenant key.</summary>
    public string BotId { get; }

    /// <summary>The envelope's <c>destination</c>; the same value as <see cref="BotId"/>.</summary>
    public string Destination => BotId;

    /// <summary>
    /// The module's mode in the event's chat. In <see cref="EventMode.Standby"/> the module should not send messages.
    /// </summary>
    public EventMode Mode { get; }

    /// <summary>
    /// The Messaging API client acting for this OA (it sends the bot-id header on every call). When an
    /// <see cref="ILineTenantScopeStore"/> knows the OA's granted scopes, calls outside them fail before any request.
    /// </summary>
    public MessagingApiBotClient Messaging { get; }

    /// <summary>The scopes the OA granted, or <see langword="null"/> when unknown.</summary>
    public IReadOnlyCollection<string>? GrantedScopes => Messaging.GrantedScopes;

    /// <summary>
    /// The reply helper, or <see langword="null"/> when the event has no reply token: every standby event, and the
    /// event types that cannot be replied to.
    /// </summary>
    public LineReplyContext? Reply { get; }

    /// <summary>The event's <c>webhookEventId</c>: the same across redeliveries and retries, so the idempotency key.</summary>
    public string WebhookEventId { get; }

    /// <summary>Whether LINE marked the delivery that stored this event as a redelivery.</summary>
    public bool IsRedelivery { get; }

    /// <summary>Which attempt at handling this event this is, starting at 1.</summary>
    public int Attempt { get; }
}
