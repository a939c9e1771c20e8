using System;
using System.Collections.Generic;
using System.Globalization;
using ModuleGen.Line.Runtime;
using ModuleGen.Line.Webhooks;

namespace ModuleGen.Line.AspNetCore.Webhooks;

/// <summary>
/// The OA (tenant) a webhook event belongs to, as a handler sees it: its bot ID (the envelope's
/// <c>destination</c>), a Messaging API client acting for it, a reply helper when the event can be replied to, and
/// stable retry keys for the sends a handler makes.
/// </summary>
/// <remarks>Created per attempt by the dispatcher. Not thread-safe: one handler call uses it.</remarks>
public sealed class LineTenantContext
{
    private readonly MessagingApiBotClient? _messaging;
    private readonly HashSet<string> _retryKeyNames = new(StringComparer.Ordinal);
    private int _nextCallIndex;

    /// <summary>Creates a context. The dispatcher does this; tests of handlers can too.</summary>
    /// <param name="botId">The OA's bot user ID; empty for an event that came without a usable <c>destination</c>.</param>
    /// <param name="mode">The event's mode.</param>
    /// <param name="messaging">The OA's client; <see langword="null"/> exactly when <paramref name="botId"/> is empty.</param>
    /// <param name="reply">The reply helper, when the event can be replied to.</param>
    /// <param name="webhookEventId">The event's deduplication key: its <c>webhookEventId</c>, or the key derived for an
    /// event without one.</param>
    /// <param name="isRedelivery">Whether LINE marked the delivery as a redelivery.</param>
    /// <param name="attempt">Which attempt this is, from 1.</param>
    public LineTenantContext(
        string botId,
        EventMode mode,
        MessagingApiBotClient? messaging,
        LineReplyContext? reply,
        string webhookEventId,
        bool isRedelivery,
        int attempt)
    {
        ArgumentNullException.ThrowIfNull(botId);
        ArgumentException.ThrowIfNullOrEmpty(webhookEventId);
        if ((botId.Length == 0) != (messaging is null))
        {
            throw new ArgumentException("A context has a Messaging API client exactly when it has a bot ID.", nameof(messaging));
        }

        BotId = botId;
        Mode = mode;
        _messaging = messaging;
        Reply = reply;
        WebhookEventId = webhookEventId;
        IsRedelivery = isRedelivery;
        Attempt = attempt;
    }

    /// <summary>
    /// The user ID of the OA's bot: the envelope's <c>destination</c>, and the tenant key. Empty when the event came
    /// without a usable <c>destination</c> (see <see cref="IsTenantKnown"/>).
    /// </summary>
    public string BotId { get; }

    /// <summary>The envelope's <c>destination</c>; the same value as <see cref="BotId"/>.</summary>
    public string Destination => BotId;

    /// <summary>
    /// Whether the event names its OA. When it does not (a body without <c>destination</c>), the handler still gets
    /// the event, once, but there is no OA to call LINE for: <see cref="Messaging"/> throws and <see cref="Reply"/> is null.
    /// </summary>
    public bool IsTenantKnown => _messaging is not null;

    /// <summary>
    /// The module's mode in the event's chat. In <see cref="EventMode.Standby"/> the module should not send messages.
    /// An event without <c>mode</c> (from before LINE sent it) is active.
    /// </summary>
    public EventMode Mode { get; }

    /// <summary>
    /// The Messaging API client acting for this OA (it sends the bot-id header on every call). When an
    /// <see cref="ILineTenantScopeStore"/> knows the OA's granted scopes, calls outside them fail before any request.
    /// </summary>
    /// <exception cref="LineUnknownTenantException">The event has no usable <c>destination</c> (permanent: the event is
    /// dead-lettered at once, not retried).</exception>
    public MessagingApiBotClient Messaging => _messaging ?? throw new LineUnknownTenantException(
        $"Webhook event {WebhookEventId} came without a usable 'destination', so there is no OA to call LINE for.");

    /// <summary>The scopes the OA granted, or <see langword="null"/> when unknown.</summary>
    public IReadOnlyCollection<string>? GrantedScopes => _messaging?.GrantedScopes;

    /// <summary>
    /// The reply helper, or <see langword="null"/> when the event has no reply token: every standby event, the event
    /// types that cannot be replied to, and events without a tenant.
    /// </summary>
    public LineReplyContext? Reply { get; }

    /// <summary>
    /// The event's deduplication key: its <c>webhookEventId</c>, the same across redeliveries and retries, or for an
    /// event without one the key derived from its bytes (<see cref="LineWebhookParser.DeriveDeduplicationKey"/>).
    /// </summary>
    public string WebhookEventId { get; }

    /// <summary>Whether LINE marked the delivery that stored this event as a redelivery.</summary>
    public bool IsRedelivery { get; }

    /// <summary>Which attempt at handling this event this is, starting at 1.</summary>
    public int Attempt { get; }

    /// <summary>
    /// The <c>X-Line-Retry-Key</c> for one send this handler makes (push, multicast, narrowcast, broadcast): a
    /// name-based UUID of this event, <paramref name="purpose"/> and <paramref name="recipient"/>, the same on every
    /// attempt. A push made again by a retried handler therefore carries the same key, and LINE answers 409 "already
    /// accepted" instead of delivering it twice.
    /// </summary>
    /// <param name="purpose">What the send is for, e.g. <c>"confirmation"</c>; two different sends need different purposes or recipients.</param>
    /// <param name="recipient">Who it goes to (a user, group or room ID), when the purpose alone does not tell sends apart.</param>
    /// <remarks>
    /// LINE remembers a retry key for 24 hours: an event replayed later than that (a dead letter requeued the next day)
    /// gets a fresh delivery, so a message sent by the first attempt can arrive twice.
    /// </remarks>
    /// <exception cref="InvalidOperationException">The same purpose and recipient were asked for twice in this attempt:
    /// two sends sharing a key would make LINE silently drop the second.</exception>
    public string RetryKeyFor(string purpose, string? recipient = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(purpose);
        var name = WebhookEventId + "\n" + purpose + "\n" + recipient;
        if (!_retryKeyNames.Add(name))
        {
            throw new InvalidOperationException(
                $"A retry key for '{purpose}'{(recipient is null ? string.Empty : " to " + recipient)} was already given in this attempt; "
                + "two sends with one key would make LINE drop the second as already accepted. Give each send its own purpose or recipient.");
        }

        return LineRetryKey.FromName(name);
    }

    /// <summary>
    /// The retry key of the next send of this attempt, by call order: the first call gives the key of send 0, the
    /// next of send 1, and so on — stable across attempts as long as the handler makes its sends in the same order.
    /// Prefer <see cref="RetryKeyFor"/> where sends can be named.
    /// </summary>
    public string NextRetryKey() => RetryKeyFor("#" + (_nextCallIndex++).ToString(CultureInfo.InvariantCulture));
}
