using System;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ModuleGen.Line.Inbox;
using ModuleGen.Line.Tenants;

namespace ModuleGen.Line.Inbox.PostgreSql;

/// <summary>Registers the PostgreSQL stores.</summary>
public static class PostgreSqlLineServiceCollectionExtensions
{
    /// <summary>
    /// Registers one <see cref="PostgreSqlLineStore"/> on <paramref name="connectionString"/> and, on it, the
    /// <see cref="PostgreSqlLineWebhookInbox"/> as <see cref="ILineWebhookInbox"/> and the
    /// <see cref="PostgreSqlLineTenantRegistry"/> as <see cref="ILineTenantRegistry"/> and
    /// <see cref="ILineAttachStateStore"/>. The schema is created or migrated on first use.
    /// </summary>
    public static IServiceCollection AddPostgreSqlLineStore(
        this IServiceCollection services, string connectionString, Action<PostgreSqlLineStoreOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = new PostgreSqlLineStoreOptions { ConnectionString = connectionString };
        configure?.Invoke(options);
        options.Validate();
        services.TryAddSingleton(_ => new PostgreSqlLineStore(options));
        services.TryAddSingleton(provider => new PostgreSqlLineWebhookInbox(
            provider.GetRequiredService<PostgreSqlLineStore>(), provider.GetService<TimeProvider>()));
        services.TryAddSingleton(provider => new PostgreSqlLineTenantRegistry(provider.GetRequiredService<PostgreSqlLineStore>()));
        services.TryAddSingleton<ILineWebhookInbox>(provider => provider.GetRequiredService<PostgreSqlLineWebhookInbox>());
        services.TryAddSingleton<ILineTenantRegistry>(provider => provider.GetRequiredService<PostgreSqlLineTenantRegistry>());
        services.TryAddSingleton<ILineAttachStateStore>(provider => provider.GetRequiredService<PostgreSqlLineTenantRegistry>());
        return services;
    }
}
