using System;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ModuleGen.Line.AspNetCore.Inbox;

/// <summary>Registers the webhook inbox worker.</summary>
public static class WebhookInboxServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="WebhookInboxWorker"/> as a hosted service with <typeparamref name="TProcessor"/> as its
    /// singleton <see cref="IInboxEventProcessor"/>, and <see cref="IWebhookInboxSignal"/> for the endpoint. A store
    /// must be registered too: <c>AddSqliteWebhookInbox</c> (durable), or <see cref="AddInMemoryWebhookInbox"/> for
    /// tests.
    /// </summary>
    public static IServiceCollection AddWebhookInbox<
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TProcessor>(
        this IServiceCollection services,
        Action<WebhookInboxOptions>? configure = null)
        where TProcessor : class, IInboxEventProcessor
    {
        ArgumentNullException.ThrowIfNull(services);

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<WebhookInboxSignal>();
        services.TryAddSingleton<IWebhookInboxSignal>(provider => provider.GetRequiredService<WebhookInboxSignal>());
        services.TryAddSingleton<IInboxEventProcessor, TProcessor>();
        var options = services.AddOptions<WebhookInboxOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.AddHostedService<WebhookInboxWorker>();
        return services;
    }

    /// <summary>Registers an <see cref="InMemoryWebhookInbox"/>: not durable, for tests and local development.</summary>
    public static IServiceCollection AddInMemoryWebhookInbox(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);

        services.TryAddSingleton<IWebhookInbox>(provider => new InMemoryWebhookInbox(provider.GetService<TimeProvider>()));
        return services;
    }
}
