using System;
using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using ModuleGen.Line.AspNetCore.Webhooks;

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
    /// <exception cref="InvalidOperationException"><c>services.AddLineWebhooks(...)</c> was not called.</exception>
    public static IEndpointConventionBuilder MapLineWebhook(
        this IEndpointRouteBuilder endpoints,
        [StringSyntax("Route")] string pattern)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrEmpty(pattern);

        if (endpoints.ServiceProvider.GetService<LineWebhookHandlerRegistry>() is null)
        {
            throw new InvalidOperationException(
                "MapLineWebhook needs the webhook services: call services.AddLineWebhooks(...) first.");
        }

        return endpoints.MapPost(pattern, (RequestDelegate)LineWebhookEndpoint.HandleAsync);
    }
}
