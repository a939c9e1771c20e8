using System;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ModuleGen.Line.AspNetCore;
using ModuleGen.Line.AspNetCore.Tenants;
using ModuleGen.Line.Inbox;
using ModuleGen.Line.Webhooks;

namespace ModuleGen.Line.AspNetCore.Webhooks;

/// <summary>Adds handlers and settings to the webhook registered by <c>AddLineWebhooks</c>.</summary>
public sealed class LineWebhookBuilder
{
    private readonly LineWebhookHandlerRegistry _registry;

    internal LineWebhookBuilder(IServiceCollection services, LineWebhookHandlerRegistry registry)
    {
        Services = services;
        _registry = registry;
    }

    /// <summary>The service collection.</summary>
    public IServiceCollection Services { get; }

    /// <summary>
    /// Registers <typeparamref name="THandler"/> (scoped: one instance per event) for events of type
    /// <typeparamref name="TEvent"/>. Use <see cref="Event"/> as <typeparamref name="TEvent"/> for the catch-all that
    /// gets every event without a handler of its own type, including unknown ones. One handler per event type.
    /// </summary>
    /// <exception cref="InvalidOperationException">A handler for <typeparamref name="TEvent"/> is already registered.</exception>
    public LineWebhookBuilder AddHandler<
        TEvent,
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] THandler>()
        where TEvent : Event
        where THandler : class, ILineWebhookHandler<TEvent>
    {
        _registry.Add(typeof(TEvent), static (services, webhookEvent, context, cancellationToken) =>
            services.GetRequiredService<ILineWebhookHandler<TEvent>>()
                .HandleAsync((TEvent)webhookEvent, context, cancellationToken));
        Services.AddScoped<ILineWebhookHandler<TEvent>, THandler>();
        return this;
    }

    /// <summary>Registers where the OAs' granted scopes are looked up (scoped).</summary>
    public LineWebhookBuilder AddScopeStore<
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TStore>()
        where TStore : class, ILineTenantScopeStore
    {
        Services.Replace(ServiceDescriptor.Scoped<ILineTenantScopeStore, TStore>());
        return this;
    }

    /// <summary>
    /// Keeps the tenant registry current from the webhook: module attached/detached, botSuspended/botResumed and
    /// activated/deactivated events update it before user handlers run, every event marks its OA as seen, and the
    /// tenant context's scopes come from it. Runs <see cref="LineTenantMaintenanceService"/> (scheduled reconcile with
    /// <c>GET /v2/bot/list</c>, purge after the detach retention). Registers the in-memory registry unless a store
    /// was registered first (<c>AddSqliteLineTenantRegistry</c>, <c>AddPostgreSqlLineStore</c>). To refuse calls to
    /// detached or suspended OAs, add <c>.AddLineTenantGate()</c> to <c>AddLineModuleClients()</c>.
    /// </summary>
    public LineWebhookBuilder UseTenantRegistry(Action<LineTenantMaintenanceOptions>? configure = null)
    {
        Services.AddLineTenantRegistry();
        var options = Services.AddOptions<LineTenantMaintenanceOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        Services.AddHostedService<LineTenantMaintenanceService>();
        return this;
    }

    /// <summary>Sets how the background worker retries and dead-letters events.</summary>
    public LineWebhookBuilder ConfigureInbox(Action<LineWebhookInboxOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        Services.Configure(configure);
        return this;
    }

    /// <summary>
    /// Keeps the inbox in process memory. Not durable — an acknowledged event dies with the process — so for tests and
    /// local development only; use <c>AddSqliteLineWebhookInbox</c> in production.
    /// </summary>
    public LineWebhookBuilder UseInMemoryInbox()
    {
        Services.AddInMemoryLineWebhookInbox();
        return this;
    }
}
