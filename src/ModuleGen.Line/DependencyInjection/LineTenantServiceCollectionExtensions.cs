using System;
using System.Net.Http;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ModuleGen.Line;
using ModuleGen.Line.Tenants;
using ModuleGen.Line.Tokens;

namespace ModuleGen.Line;

/// <summary>Registers the tenant registry, what keeps it current and what it guards.</summary>
public static class LineTenantServiceCollectionExtensions
{
    /// <summary>
    /// Registers the <see cref="LineTenantReconciler"/> and the <see cref="LineAttachFlow"/>, plus an
    /// <see cref="InMemoryLineTenantRegistry"/> as <see cref="ILineTenantRegistry"/> and
    /// <see cref="ILineAttachStateStore"/> unless a store registered them first (<c>AddSqliteLineTenantRegistry</c>,
    /// <c>AddPostgreSqlLineStore</c>). Needs <c>AddLineModuleClients</c>.
    /// </summary>
    public static IServiceCollection AddLineTenantRegistry(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<InMemoryLineTenantRegistry>();
        services.TryAddSingleton<ILineTenantRegistry>(static provider => provider.GetRequiredService<InMemoryLineTenantRegistry>());
        services.TryAddSingleton<ILineAttachStateStore>(static provider => provider.GetRequiredService<InMemoryLineTenantRegistry>());
        services.TryAddTransient(static provider => new LineTenantReconciler(
            provider.GetRequiredService<LineModuleClient>(),
            provider.GetRequiredService<ILineTenantRegistry>(),
            provider.GetService<TimeProvider>()));
        services.TryAddTransient(static provider => new LineAttachFlow(
            provider.GetRequiredService<LineModuleAttachClient>(),
            provider.GetRequiredService<ILineAttachStateStore>(),
            provider.GetRequiredService<ILineTenantRegistry>(),
            provider.GetService<TimeProvider>()));
        return services;
    }

    /// <summary>
    /// Adds a <see cref="LineTenantGateHandler"/> to the clients' HTTP pipeline: bot-scoped calls for an OA the
    /// <see cref="ILineTenantRegistry"/> knows to be detached or suspended fail fast with
    /// <see cref="LineTenantUnavailableException"/>; OAs it does not know pass.
    /// </summary>
    public static IHttpClientBuilder AddLineTenantGate(this IHttpClientBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddHttpMessageHandler(static provider => new LineTenantGateHandler(
            provider.GetRequiredService<ILineTenantRegistry>(),
            provider.GetRequiredService<IOptions<LineClientOptions>>().Value.BotIdHeaderName));
    }

    /// <summary>
    /// Shares the module channel access token between instances through the registered <see cref="IDistributedCache"/>
    /// (<see cref="LineSharedAccessTokenProvider"/>). Call after <c>AddLineModuleTokenProvider</c>.
    /// </summary>
    public static IServiceCollection AddLineSharedTokenCache(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.Replace(ServiceDescriptor.Singleton<ILineAccessTokenProvider>(static provider => new LineSharedAccessTokenProvider(
            provider.GetRequiredService<LineModuleTokenProvider>(),
            provider.GetRequiredService<IDistributedCache>(),
            provider.GetRequiredService<IOptions<LineModuleTokenOptions>>().Value.ChannelId,
            provider.GetService<TimeProvider>())));
        return services;
    }
}
