using System;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ModuleGen.Line.AspNetCore.Inbox;

namespace ModuleGen.Line.Inbox.Sqlite;

/// <summary>Registers the SQLite webhook inbox.</summary>
public static class SqliteWebhookInboxServiceCollectionExtensions
{
    /// <summary>
    /// Registers a singleton <see cref="SqliteWebhookInbox"/> on <paramref name="databasePath"/> as the
    /// <see cref="IWebhookInbox"/>; the container disposes it, closing the file.
    /// </summary>
    public static IServiceCollection AddSqliteWebhookInbox(
        this IServiceCollection services,
        string databasePath,
        Action<SqliteWebhookInboxOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);

        var options = new SqliteWebhookInboxOptions { DatabasePath = databasePath };
        configure?.Invoke(options);
        services.TryAddSingleton(provider => new SqliteWebhookInbox(options, provider.GetService<TimeProvider>()));
        services.TryAddSingleton<IWebhookInbox>(provider => provider.GetRequiredService<SqliteWebhookInbox>());
        return services;
    }
}
