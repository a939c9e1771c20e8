using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ModuleGen.Line.AspNetCore.Tenants;
using ModuleGen.Line.Inbox;
using ModuleGen.Line.Tenants;
using ModuleGen.Line.Webhooks;

namespace ModuleGen.Line.AspNetCore.Webhooks;

/// <summary>
/// The inbox worker's processor: reads a stored event, records what it tells the tenant registry (when one is
/// registered), builds its tenant context and calls the typed handler in a DI scope of its own. A handler's exception
/// propagates, so the worker retries and finally dead-letters the event.
/// </summary>
internal sealed class LineWebhookEventProcessor : ILineInboxEventProcessor
{
    private readonly IServiceScopeFactory _scopeFactory;
    private readonly LineWebhookHandlerRegistry _registry;
    private readonly LineTenantEventRecorder? _tenants;
    private readonly ILogger<LineWebhookEventProcessor> _logger;
    private readonly LineWebhookMetrics? _metrics;

    public LineWebhookEventProcessor(
        IServiceScopeFactory scopeFactory,
        LineWebhookHandlerRegistry registry,
        ILogger<LineWebhookEventProcessor> logger,
        ILineTenantRegistry? tenants = null,
        LineWebhookMetrics? metrics = null)
    {
        _scopeFactory = scopeFactory;
        _registry = registry;
        _tenants = tenants is null ? null : new LineTenantEventRecorder(tenants);
        _logger = logger;
        _metrics = metrics;
    }

    public async ValueTask ProcessAsync(LineInboxEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);

        var stored = entry.Event;
        // The endpoint stored the event without typing it: this is where it is read as its type, once per attempt.
        var webhookEvent = LineWebhookParser.ParseEvent(stored.EventJson, out var missing);
        if (entry.Attempt == 1)
        {
            ReportProblems(stored, webhookEvent, missing);
        }

        // Before any handler: a handler of the detach event, or of the next event, sees the registry already updated.
        // A failure here fails the attempt like a handler's would, so the registry update is retried with the event.
        var tenant = _tenants is not null && stored.Destination.Length > 0
            ? await _tenants.RecordAsync(stored.Destination, webhookEvent, cancellationToken).ConfigureAwait(false)
            : null;
        var dispatch = _registry.Find(webhookEvent.GetType());
        if (dispatch is null)
        {
            // Nothing wants this type: done, not failed, so it is not retried.
            LineWebhookLog.NoHandler(_logger, stored.WebhookEventId, stored.EventType);
            return;
        }

        var scope = _scopeFactory.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            var services = scope.ServiceProvider;
            var context = await CreateContextAsync(services, entry, webhookEvent, tenant, cancellationToken)
                .ConfigureAwait(false);
            await dispatch(services, webhookEvent, context, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public string? GetPermanentFailureReason(Exception exception)
        => LineFailurePolicy.Classify(exception) is { IsPermanent: true } decision ? decision.Reason : null;

    /// <summary>What typing the event found wrong (it is handled all the same), counted and logged on its first attempt.</summary>
    private void ReportProblems(LineInboxEvent stored, Event webhookEvent, IReadOnlyList<string> missing)
    {
        if (webhookEvent is UnreadableEvent unreadable)
        {
            _metrics?.Problem(LineWebhookProblemKind.EventUnreadable);
            LineWebhookLog.EventProblems(_logger, stored.WebhookEventId, stored.EventType, stored.Destination, $"{unreadable.JsonPath}: {unreadable.Reason}");
        }

        if (missing.Count > 0)
        {
            for (var i = 0; i < missing.Count; i++)
            {
                _metrics?.Problem(LineWebhookProblemKind.RequiredPropertyMissing);
            }

            LineWebhookLog.EventProblems(
                _logger, stored.WebhookEventId, stored.EventType, stored.Destination, "required properties missing: " + string.Join(", ", missing));
        }
    }

    private static async ValueTask<LineTenantContext> CreateContextAsync(
        IServiceProvider services,
        LineInboxEntry entry,
        Event webhookEvent,
        LineTenant? tenant,
        CancellationToken cancellationToken)
    {
        var stored = entry.Event;
        if (stored.Destination.Length == 0)
        {
            return new LineTenantContext(
                string.Empty, webhookEvent.Mode, null, null, stored.WebhookEventId, stored.IsRedelivery, entry.Attempt);
        }

        // A scope store the user registered wins; otherwise the registry's scopes, where it knows them.
        IReadOnlyCollection<string>? grantedScopes = tenant?.GrantedScopes;
        if (services.GetService<ILineTenantScopeStore>() is { } scopeStore)
        {
            grantedScopes = await scopeStore.GetGrantedScopesAsync(stored.Destination, cancellationToken)
                .ConfigureAwait(false);
        }

        var messaging = services.GetRequiredService<MessagingApiClient>()
            .ForBot(stored.Destination, grantedScopes);

        // LINE gives a reply token only in active mode; a standby channel must not answer even if one appeared. An event
        // without 'mode' predates standby (LINE added it with chat control) and is active.
        var isActive = webhookEvent.Mode == EventMode.Active || webhookEvent.MissingRequiredProperties.Contains("mode");
        var reply = webhookEvent.ReplyToken is { Length: > 0 } replyToken && isActive
            ? new LineReplyContext(messaging, replyToken, cancellationToken)
            : null;

        return new LineTenantContext(
            stored.Destination,
            isActive ? EventMode.Active : webhookEvent.Mode,
            messaging,
            reply,
            stored.WebhookEventId,
            stored.IsRedelivery,
            entry.Attempt);
    }
}
