using System;
using System.IO;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using ModuleGen.Line.Inbox;
using ModuleGen.Line.Tenants;

namespace ModuleGen.Line.Inbox.Sqlite;

/// <summary>Registers the SQLite webhook inbox and tenant registry.</summary>
public static class SqliteLineWebhookInboxServiceCollectionExtensions
{
    /// <summary>
    /// Registers a singleton <see cref="SqliteLineWebhookInbox"/> on <paramref name="databasePath"/> as the
    /// <see cref="ILineWebhookInbox"/>; the container disposes it, closing the file. A relative path is resolved against the
    /// host's content root (not the process's current folder), so the file does not move with how the app is started.
    /// </summary>
    public static IServiceCollection AddSqliteLineWebhookInbox(
        this IServiceCollection services,
        string databasePath,
        Action<SqliteLineWebhookInboxOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = CreateOptions(databasePath, configure);
        services.TryAddSingleton(provider => new SqliteLineWebhookInbox(AgainstContentRoot(options, provider), provider.GetService<TimeProvider>()));
        services.TryAddSingleton<ILineWebhookInbox>(provider => provider.GetRequiredService<SqliteLineWebhookInbox>());
        return services;
    }

    /// <summary>
    /// Registers a singleton <see cref="SqliteLineTenantRegistry"/> on <paramref name="databasePath"/> (the inbox's file
    /// can be shared) as the <see cref="ILineTenantRegistry"/> and <see cref="ILineAttachStateStore"/>; then
    /// <c>AddLineTenantRegistry</c> (or the webhook builder's <c>UseTenantRegistry</c>) keeps it.
    /// </summary>
    public static IServiceCollection AddSqliteLineTenantRegistry(
        this IServiceCollection services,
        string databasePath,
        Action<SqliteLineWebhookInboxOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = CreateOptions(databasePath, configure);
        services.TryAddSingleton(provider => new SqliteLineTenantRegistry(AgainstContentRoot(options, provider)));
        services.TryAddSingleton<ILineTenantRegistry>(provider => provider.GetRequiredService<SqliteLineTenantRegistry>());
        services.TryAddSingleton<ILineAttachStateStore>(provider => provider.GetRequiredService<SqliteLineTenantRegistry>());
        return services;
    }

    private static SqliteLineWebhookInboxOptions AgainstContentRoot(SqliteLineWebhookInboxOptions options, IServiceProvider provider)
    {
        if (Path.IsPathRooted(options.DatabasePath) || provider.GetService<IHostEnvironment>()?.ContentRootPath is not { Length: > 0 } root)
        {
            return options;
        }

        options.DatabasePath = Path.GetFullPath(options.DatabasePath, root);
        return options;
    }

    private static SqliteLineWebhookInboxOptions CreateOptions(string databasePath, Action<SqliteLineWebhookInboxOptions>? configure)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        var options = new SqliteLineWebhookInboxOptions { DatabasePath = databasePath };
        configure?.Invoke(options);
        return options;
    }
}
