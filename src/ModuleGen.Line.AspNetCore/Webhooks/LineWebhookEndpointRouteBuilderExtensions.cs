using System;
using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using ModuleGen.Line.AspNetCore.Webhooks;
using ModuleGen.Line.Inbox;

namespace ModuleGen.Line.AspNetCore;

/// <summary>Maps the LINE webhook endpoint.</summary>
public static class LineWebhookEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps <c>POST <paramref name="pattern"/></c> as the module channel's webhook URL. It reads the raw body up to
    /// <see cref="LineWebhookOptions.MaxBodyBytes"/> (413 beyond), checks <c>x-line-signature</c> against
    /// <see cref="LineWebhookOptions.ChannelSecrets"/> (401, nothing processed), answers LINE's empty verification
    /// call with 200, and otherwise stores every event in the durable inbox before answering 200 (500 if the store
    /// fails, so LINE redelivers). Stored events reach the handlers registered with <c>AddLineWebhooks</c> in the
    /// background.
    /// </summary>
    /// <exception cref="InvalidOperationException"><c>services.AddLineWebhooks(...)</c> was not called, or no inbox store, LINE
    /// clients or token provider is registered; the message says what to call.</exception>
    public static IEndpointConventionBuilder MapLineWebhook(
        this IEndpointRouteBuilder endpoints,
        [StringSyntax("Route")] string pattern)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrEmpty(pattern);

        var services = endpoints.ServiceProvider;
        if (services.GetService<LineWebhookHandlerRegistry>() is null)
        {
            throw new InvalidOperationException(
                "MapLineWebhook needs the webhook services: call services.AddLineWebhooks(...) first.");
        }

        // What a module forgets most often, said at start rather than on the first event.
        var registered = services.GetRequiredService<IServiceProviderIsService>();
        if (!registered.IsService(typeof(ILineWebhookInbox)))
        {
            throw new InvalidOperationException(
                "No webhook inbox is registered, so events cannot be stored before the 200: call services.AddSqliteLineWebhookInbox(path) "
                + "(one instance), services.AddPostgreSqlWebhookInbox(connectionString) (several), or .UseInMemoryInbox() on AddLineWebhooks() in tests.");
        }

        if (!registered.IsService(typeof(LineClientPipeline)))
        {
            throw new InvalidOperationException(
                "Webhook handlers get a client for their OA, but no LINE clients are registered: call services.AddLineModule(configuration.GetSection(\"Line\")) "
                + "or services.AddLineModuleClients().");
        }

        if (!registered.IsService(typeof(ILineAccessTokenProvider)))
        {
            throw new InvalidOperationException(
                "No channel access token provider is registered, so handlers cannot call LINE: call services.AddLineModule(configuration.GetSection(\"Line\")) "
                + "or services.AddLineModuleTokenProvider(o => { o.ChannelId = …; o.ChannelSecret = …; }), or register an ILineAccessTokenProvider.");
        }

        return endpoints.MapPost(pattern, (RequestDelegate)LineWebhookEndpoint.HandleAsync);
    }
}
