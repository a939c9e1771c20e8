using System;
using System.Linq;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ModuleGen.Line;
using ModuleGen.Line.AspNetCore.Webhooks;
using ModuleGen.Line.Inbox;

namespace ModuleGen.Line.AspNetCore;

/// <summary>Registers the LINE webhook endpoint's services.</summary>
public static class LineWebhookServiceCollectionExtensions
{
    /// <summary>
    /// Registers what <c>MapLineWebhook</c> needs: the options (validated at start), the inbox worker with the
    /// dispatcher that hands each stored event to its typed handler, and a <see cref="MessagingApiClient"/> on the
    /// <see cref="LineClientPipeline"/> registered by <c>AddLineModuleClients</c>. An inbox store must be registered
    /// too: <c>AddSqliteLineWebhookInbox(path)</c>, or <see cref="LineWebhookBuilder.UseInMemoryInbox"/> for tests.
    /// </summary>
    public static LineWebhookBuilder AddLineWebhooks(this IServiceCollection services, Action<LineWebhookOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        configure ??= static _ => { };

        // With AddLineModule, the module channel's secret is the webhook's too, unless secrets were listed here.
        services.AddOptions<LineWebhookOptions>().PostConfigure<IOptions<LineModuleOptions>>(static (webhook, module) =>
        {
            if (webhook.ChannelSecrets.Count == 0 && module.Value.ChannelSecret is { Length: > 0 } secret)
            {
                webhook.ChannelSecrets.Add(secret);
            }
        });

        services.AddOptions<LineWebhookOptions>()
            .Configure(configure)
            .Validate(
                static o => o.ChannelSecrets.Count > 0 && o.ChannelSecrets.All(static s => !string.IsNullOrEmpty(s)),
                "LineWebhookOptions.ChannelSecrets needs at least one non-empty channel secret: list it in AddLineWebhooks(o => o.ChannelSecrets.Add(…)), or set Line:ChannelSecret for AddLineModule.")
            .Validate(static o => o.MaxBodyBytes > 0, "LineWebhookOptions.MaxBodyBytes must be positive.")
            .Validate(static o => o.MaxConcurrentRequests > 0, "LineWebhookOptions.MaxConcurrentRequests must be positive.")
            .Validate(static o => o.RejectionWarningsPerMinute >= 0, "LineWebhookOptions.RejectionWarningsPerMinute cannot be negative.")
            .ValidateOnStart();
        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<LineWebhookMetrics>();
        services.TryAddSingleton<LineWebhookRejectionLog>();
        services.TryAddSingleton<LineWebhookEndpointServices>();

        var registry = services
            .Where(static d => d.ServiceType == typeof(LineWebhookHandlerRegistry))
            .Select(static d => d.ImplementationInstance)
            .OfType<LineWebhookHandlerRegistry>()
            .FirstOrDefault();
        if (registry is null)
        {
            registry = new LineWebhookHandlerRegistry();
            services.AddSingleton(registry);
        }

        services.AddLineWebhookInbox<LineWebhookEventProcessor>();
        services.TryAddTransient(static provider => new MessagingApiClient(
            provider.GetService<LineClientPipeline>() ?? throw new InvalidOperationException(
                "Webhook handlers get a Messaging API client from the container: call services.AddLineModuleClients(...).")));
        return new LineWebhookBuilder(services, registry);
    }
}
