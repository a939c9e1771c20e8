using System;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ModuleGen.Line.AspNetCore.Inbox;
using ModuleGen.Line.Tenants;

namespace ModuleGen.Line.Inbox.PostgreSql;

/// <summary>Registers the PostgreSQL stores.</summary>
public static class PostgreSqlServiceCollectionExtensions
{
    /// <summary>
    /// Registers one <see cref="PostgreSqlStore"/> on <paramref name="connectionString"/> and, on it, the
    /// <see cref="PostgreSqlWebhookInbox"/> as <see cref="IWebhookInbox"/> and the
    /// <see cref="PostgreSqlLineTenantRegistry"/> as <see cref="ILineTenantRegistry"/> and
    /// <see cref="ILineAttachStateStore"/>. The schema is created or migrated on first use.
    /// </summary>
    public static IServiceCollection AddPostgreSqlLineStore(
        this IServiceCollection services, string connectionString, Action<PostgreSqlStoreOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = new PostgreSqlStoreOptions { ConnectionString = connectionString };
        configure?.Invoke(options);
        options.Validate();
        services.TryAddSingleton(_ => new PostgreSqlStore(options));
        services.TryAddSingleton(provider => new PostgreSqlWebhookInbox(
            provider.GetRequiredService<PostgreSqlStore>(), provider.GetService<TimeProvider>()));
        services.TryAddSingleton(provider => new PostgreSqlLineTenantRegistry(provider.GetRequiredService<PostgreSqlStore>()));
        services.TryAddSingleton<IWebhookInbox>(provider => provider.GetRequiredService<PostgreSqlWebhookInbox>());
        services.TryAddSingleton<ILineTenantRegistry>(provider => provider.GetRequiredService<PostgreSqlLineTenantRegistry>());
        services.TryAddSingleton<ILineAttachStateStore>(provider => provider.GetRequiredService<PostgreSqlLineTenantRegistry>());
        return services;
    }
}
