using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ModuleGen.Line.AspNetCore;
using ModuleGen.Line;
using ModuleGen.Line.AspNetCore.Webhooks;
using ModuleGen.Line.Attach;
using ModuleGen.Line.Inbox.Sqlite;
using ModuleGen.Line.Webhooks;

namespace ModuleGen.Samples.Reservations;

/// <summary>
/// The reservation assistant as one unit: its services (LINE clients with resilience and module tokens, the durable
/// SQLite inbox, the webhook handlers, the attachment store) and its endpoints (<c>/attach</c>, <c>/attach/callback</c>,
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
        services.AddSingleton(new AttachmentStore(Path.Combine(settings.DataDirectory, "attachments.db")));
        services.AddSingleton<AttachAttempts>();
        services.AddSingleton<ILineTenantScopeStore, AttachmentScopes>();

        // One call: module tokens, channel credentials, every client, LINE's resilience pipeline and rate limits.
        var http = services.AddLineModule(line);
        if (configureLine is not null)
        {
            services.PostConfigure(configureLine);
        }

        configureHttp?.Invoke(http);

        services.AddSqliteWebhookInbox(Path.Combine(settings.DataDirectory, "inbox.db"));
        services.AddLineWebhooks(o => o.ChannelSecrets.Add(settings.ChannelSecret))
            .AddHandler<ModuleEvent, AttachmentHandler>()
            .AddHandler<FollowEvent, WelcomeHandler>()
            .AddHandler<MessageEvent, TableRequestHandler>()
            .AddHandler<PostbackEvent, BookingHandler>()
            .AddHandler<Event, IgnoreOtherEvents>();
    }

    /// <summary>Maps the attach flow and the webhook.</summary>
    public static void MapEndpoints(WebApplication app)
    {
        app.MapGet("/attach", (ReservationSettings settings, AttachAttempts attempts) =>
        {
            var attempt = LineAttachAuthorization.Create(new LineAttachAuthorizationOptions
            {
                ChannelId = settings.ChannelId,
                RedirectUri = new Uri(settings.PublicBaseUrl, "/attach/callback"),
                Scopes = Scopes as IReadOnlyCollection<string> ?? [.. Scopes],
            });
            attempts.Remember(attempt);
            return Results.Redirect(attempt.Url.AbsoluteUri);
        });

        app.MapGet("/attach/callback", async (string? code, string? state, AttachAttempts attempts, LineModuleAttachClient attach,
            AttachmentStore store, TimeProvider clock, CancellationToken ct) =>
        {
            if (string.IsNullOrEmpty(code) || attempts.Take(state) is not { } attempt)
            {
                return Results.BadRequest("Unknown or expired attach attempt: start again at /attach.");
            }

            var attached = (await attach.AttachAsync(attempt, code, state, ct)).Value;
            await store.RecordAttachedAsync(attached.BotId, attached.Scopes, clock.GetUtcNow(), ct);
            return Results.Text($"Attached to {attached.BotId} with {string.Join(", ", attached.Scopes)}.");
        });

        app.MapLineWebhook("/line/webhook");
    }
}

/// <summary>
/// Attach attempts waiting for their callback (state and PKCE verifier stay server-side), for ten minutes. In memory:
/// enough for one instance; the tenant registry keeps them in a shared store.
/// </summary>
public sealed class AttachAttempts(TimeProvider clock)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);
    private readonly ConcurrentDictionary<string, (LineAttachAuthorization Attempt, DateTimeOffset ExpiresAt)> _pending = new(StringComparer.Ordinal);

    /// <summary>Keeps an attempt until its callback or its expiry.</summary>
    public void Remember(LineAttachAuthorization attempt) => _pending[attempt.State] = (attempt, clock.GetUtcNow() + Lifetime);

    /// <summary>The attempt of <paramref name="state"/>, once: null when unknown, used or expired.</summary>
    public LineAttachAuthorization? Take(string? state)
        => state is not null && _pending.TryRemove(state, out var pending) && pending.ExpiresAt > clock.GetUtcNow() && pending.Attempt.IsExpectedState(state)
            ? pending.Attempt
            : null;
}

/// <summary>Feeds the scope guard: calls an OA did not grant fail before any request.</summary>
internal sealed class AttachmentScopes(AttachmentStore store) : ILineTenantScopeStore
{
    public async ValueTask<IReadOnlyCollection<string>?> GetGrantedScopesAsync(string botId, CancellationToken cancellationToken)
        => (await store.FindAsync(botId, cancellationToken))?.Scopes is { } scopes ? [.. scopes] : null;
}
