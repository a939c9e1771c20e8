using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ModuleGen.Line;
using ModuleGen.Line.AspNetCore;
using ModuleGen.Line.AspNetCore.Webhooks;
using ModuleGen.Line.Attach;
using ModuleGen.Line.Inbox.Sqlite;
using ModuleGen.Line.Tenants;
using ModuleGen.Line.Webhooks;

namespace ModuleGen.Samples.Reservations;

/// <summary>
/// The reservation assistant as one unit: its services (LINE clients with resilience and module tokens, the durable
/// SQLite inbox and tenant registry, the webhook handlers) and its endpoints (<c>/attach</c>, <c>/attach/callback</c>,
/// <c>/line/webhook</c>). <c>Program.cs</c> runs it against LINE; the demo and the tests run it against the fake
/// platform by mapping LINE's hosts elsewhere — the only difference.
/// </summary>
public static class ReservationModule
{
    /// <summary>The scopes the module asks an OA admin for.</summary>
    public static readonly IReadOnlyList<string> Scopes = ["message:send", "message:receive", "profile:read"];

    /// <summary>Registers the module's services.</summary>
    /// <param name="services">The container.</param>
    /// <param name="line">The <c>Line</c> configuration section: channel, token kind, endpoints, resilience, rate limits.</param>
    /// <param name="settings">The module's own settings, read from the same section.</param>
    /// <param name="configureLine">Last changes to the client options (the fake platform maps LINE's hosts here).</param>
    /// <param name="configureHttp">Extra handlers on the LINE HTTP client (the fake platform's fault handler).</param>
    public static void AddServices(
        IServiceCollection services,
        IConfiguration line,
        ReservationSettings settings,
        Action<LineClientOptions>? configureLine = null,
        Action<IHttpClientBuilder>? configureHttp = null)
    {
        services.AddSingleton(settings);
        // One call: module tokens, channel credentials, every client, LINE's resilience pipeline and rate limits.
        var http = services.AddLineModule(line);
        if (configureLine is not null)
        {
            services.PostConfigure(configureLine);
        }

        configureHttp?.Invoke(http);

        // The inbox and the tenant registry in one SQLite file: the registry records attaches (the attach flow keeps its
        // state and PKCE verifier there too), detaches, suspensions and scopes from module events before any handler runs.
        var database = Path.Combine(settings.DataDirectory, "reservations.db");
        services.AddSqliteLineWebhookInbox(database).AddSqliteLineTenantRegistry(database);
        services.AddLineWebhooks()
            .UseTenantRegistry()
            .AddHandler<FollowEvent, WelcomeHandler>()
            .AddHandler<MessageEvent, TableRequestHandler>()
            .AddHandler<PostbackEvent, BookingHandler>()
            .AddHandler<Event, IgnoreOtherEvents>();
    }

    /// <summary>Maps the attach flow and the webhook.</summary>
    public static void MapEndpoints(WebApplication app)
    {
        app.MapGet("/attach", async (ReservationSettings settings, LineAttachFlow attach, CancellationToken ct) =>
        {
            var authorize = await attach.BeginAsync(
                new LineAttachAuthorizationOptions
                {
                    ChannelId = settings.ChannelId,
                    RedirectUri = new Uri(settings.PublicBaseUrl, "/attach/callback"),
                    Scopes = [.. Scopes],
                },
                ct);
            return Results.Redirect(authorize.AbsoluteUri);
        });

        app.MapGet("/attach/callback", async (string? code, string? state, LineAttachFlow attach, CancellationToken ct) =>
        {
            if (string.IsNullOrEmpty(code))
            {
                return Results.BadRequest("The callback has no code: start again at /attach.");
            }

            try
            {
                var tenant = await attach.CompleteAsync(code, state, ct);
                return Results.Text($"Attached to {tenant.BotId} with {string.Join(", ", tenant.GrantedScopes ?? [])}.");
            }
            catch (LineAttachStateMismatchException)
            {
                return Results.BadRequest("Unknown or expired attach attempt: start again at /attach.");
            }
        });

        app.MapLineWebhook("/line/webhook");
    }
}
