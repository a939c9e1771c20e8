using System;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ModuleGen.Line.Inbox;

/// <summary>Registers the webhook inbox worker.</summary>
public static class LineWebhookInboxServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="LineWebhookInboxWorker"/> as a hosted service with <typeparamref name="TProcessor"/> as its
    /// singleton <see cref="ILineInboxEventProcessor"/>, and <see cref="ILineWebhookInboxSignal"/> for the endpoint. A store
    /// must be registered too: <c>AddSqliteLineWebhookInbox</c> (durable), or <see cref="AddInMemoryLineWebhookInbox"/> for
    /// tests.
    /// </summary>
    public static IServiceCollection AddLineWebhookInbox<
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TProcessor>(
        this IServiceCollection services,
        Action<LineWebhookInboxOptions>? configure = null)
        where TProcessor : class, ILineInboxEventProcessor
    {
        ArgumentNullException.ThrowIfNull(services);

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<LineWebhookInboxSignal>();
        services.TryAddSingleton<ILineWebhookInboxSignal>(provider => provider.GetRequiredService<LineWebhookInboxSignal>());
        services.TryAddSingleton<ILineInboxEventProcessor, TProcessor>();
        var options = services.AddOptions<LineWebhookInboxOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.AddHostedService<LineWebhookInboxWorker>();
        return services;
    }

    /// <summary>Registers an <see cref="InMemoryLineWebhookInbox"/>: not durable, for tests and local development.</summary>
    public static IServiceCollection AddInMemoryLineWebhookInbox(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);

        services.TryAddSingleton<ILineWebhookInbox>(provider => new InMemoryLineWebhookInbox(provider.GetService<TimeProvider>()));
        return services;
    }
}
