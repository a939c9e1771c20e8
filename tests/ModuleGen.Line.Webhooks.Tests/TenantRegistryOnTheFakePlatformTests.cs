using System;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using System.Web;
using Microsoft.Extensions.DependencyInjection;
using ModuleGen.Line.AspNetCore.Webhooks;
using ModuleGen.Line.Attach;
using ModuleGen.Line.Models;
using ModuleGen.Line.Tenants;
using ModuleGen.Line.Testing;
using ModuleGen.Line.Testing.Webhooks;
using ModuleGen.Line.Webhooks.Tests.Infrastructure;
using Shouldly;
using Xunit;

namespace ModuleGen.Line.Webhooks.Tests;

/// <summary>
/// The tenant registry kept current by the webhook, the attach flow and the reconciler, and what it guards, on the
/// fake LINE platform: module events update it before handlers run, out-of-order events do not undo newer ones, calls
/// to detached or suspended OAs are refused before sending, unknown OAs pass.
/// </summary>
public sealed class TenantRegistryOnTheFakePlatformTests
{
    private const string BotId = "U2291b5e1143a20526e594f7dba3f8989";
    private static readonly DateTimeOffset T0 = new(2026, 7, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task AttachedEventIsInTheRegistryBeforeItsHandlerRunsAndGivesTheContextItsScopes()
    {
        await using var platform = LineFakePlatform.Start();
        await using var host = await StartAsync(platform, w => w.AddHandler<Event, RegistryReadingHandler>());

        await SendAsync(platform, host, LineWebhookEvents.Attached(BotId, ["message:send", "message:receive"]));

        var handled = (await host.Recorder.WaitForAsync(1)).Single();
        handled.Handler.ShouldBe("attached scopes: message:receive message:send");
        handled.Context.GrantedScopes.ShouldBe(["message:receive", "message:send"]);
    }

    [Fact]
    public async Task OlderDetachedEventDeliveredAfterANewerAttachLeavesTheOaAttached()
    {
        await using var platform = LineFakePlatform.Start();
        await using var host = await StartAsync(platform, w => w.AddHandler<Event, RegistryReadingHandler>());

        await SendAsync(platform, host, LineWebhookEvents.Attached(BotId, ["message:send"]).With("timestamp", T0.AddMinutes(5).ToUnixTimeMilliseconds()));
        await SendAsync(platform, host, LineWebhookEvents.Detached(BotId).With("timestamp", T0.ToUnixTimeMilliseconds()));
        await host.Recorder.WaitForAsync(2);

        var tenant = (await Registry(host).FindAsync(BotId, default))!;
        tenant.Attachment.ShouldBe(LineTenantAttachment.Attached);
        tenant.AttachmentChangedAt.ShouldBe(T0.AddMinutes(5));
    }

    [Fact]
    public async Task PushToASuspendedOaFailsFastIsDeadLetteredAtOnceAndNothingIsSent()
    {
        await using var platform = LineFakePlatform.Start();
        platform.AttachBot(BotId);
        await using var host = await StartAsync(platform, w => w.AddHandler<MessageEvent, PushingHandler>(), gate: true);
        await Registry(host).ApplyAsync(LineTenantChange.Suspended(BotId, T0), default);

        await SendAsync(platform, host, LineWebhookEvents.TextMessage("hello"));

        await Eventually.HoldsAsync(
            async () => (await host.Inbox.GetStatisticsAsync(default)).DeadLettered == 1, "the event is dead-lettered", TimeSpan.FromSeconds(10));
        var deadLetter = (await host.Inbox.GetDeadLettersAsync(1, default)).Single();
        deadLetter.Attempts.ShouldBe(1);
        deadLetter.LastError.ShouldNotBeNull().ShouldContain(nameof(LineTenantUnavailableException));
        platform.Requests.ShouldNotContain(r => r.OperationId == "pushMessage");
    }

    [Fact]
    public async Task DetachedEventBlocksTheNextSendAndAnUnknownOaIsNeverBlocked()
    {
        const string unknownBot = "U0000000000000000000000000000beef";
        await using var platform = LineFakePlatform.Start();
        platform.AttachBot(BotId);
        platform.AttachBot(unknownBot);
        await using var host = await StartAsync(platform, w => w.AddHandler<Event, RegistryReadingHandler>(), gate: true);
        await SendAsync(platform, host, LineWebhookEvents.Detached(BotId));
        await host.Recorder.WaitForAsync(1);
        var messaging = host.Services.GetRequiredService<MessagingApiClient>();
        var push = new PushMessageRequest { To = "Uuser", Messages = [new TextMessage { Text = "hi" }] };

        var refused = await Should.ThrowAsync<LineTenantUnavailableException>(
            () => messaging.ForBot(BotId).PushMessageAsync(push, Guid.NewGuid().ToString()));
        await messaging.ForBot(unknownBot).PushMessageAsync(push, Guid.NewGuid().ToString());

        refused.Attachment.ShouldBe(LineTenantAttachment.Detached);
        refused.OperationId.ShouldBe("pushMessage");
        LineFailurePolicy.Classify(refused).IsPermanent.ShouldBeTrue();
        platform.Sent.Pushes(BotId).ShouldBeEmpty();
        platform.Sent.Pushes(unknownBot).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task ReconcilerAddsListedOasDetachesUnlistedOnesAndReportsTheDrift()
    {
        const string goneBot = "U0000000000000000000000000000dead";
        await using var platform = LineFakePlatform.Start();
        platform.AttachBot(BotId, displayName: "Shibuya Diner");
        await using var host = await StartAsync(platform, w => w.AddHandler<Event, RegistryReadingHandler>());
        await Registry(host).ApplyAsync(LineTenantChange.Attached(goneBot, ["message:send"], T0), default);

        var report = await host.Services.GetRequiredService<LineTenantReconciler>().ReconcileAsync();
        var again = await host.Services.GetRequiredService<LineTenantReconciler>().ReconcileAsync();

        report.NewlyAttached.ShouldBe([BotId]);
        report.NoLongerListed.ShouldBe([goneBot]);
        again.HasDrift.ShouldBeFalse();
        var listed = (await Registry(host).FindAsync(BotId, default))!;
        listed.DisplayName.ShouldBe("Shibuya Diner");
        listed.GrantedScopes.ShouldBeNull();
        (await Registry(host).FindAsync(goneBot, default))!.DetachReason.ShouldBe(LineTenantTransitions.NotListedReason);
    }

    [Fact]
    public async Task AttachBegunOnOneInstanceCompletesOnAnotherAndRecordsTheOaWithItsScopesOnce()
    {
        await using var platform = LineFakePlatform.Start();
        var shared = new InMemoryLineTenantRegistry();
        await using var first = await StartAsync(platform, w => w.AddHandler<Event, RegistryReadingHandler>(), registry: shared);
        await using var second = await StartAsync(platform, w => w.AddHandler<Event, RegistryReadingHandler>(), registry: shared);
        var authorizeUrl = await first.Services.GetRequiredService<LineAttachFlow>().BeginAsync(new LineAttachAuthorizationOptions
        {
            ChannelId = platform.Options.ChannelId,
            RedirectUri = new Uri("https://module.example.com/attach/callback"),
            Scopes = ["message:send", "message:receive"],
        });

        var redirect = HttpUtility.ParseQueryString(platform.ApproveAttach(authorizeUrl, BotId).Query);
        var secondFlow = second.Services.GetRequiredService<LineAttachFlow>();
        var attached = await secondFlow.CompleteAsync(redirect["code"]!, redirect["state"]);

        attached.BotId.ShouldBe(BotId);
        attached.GrantedScopes.ShouldBe(["message:send", "message:receive"]);
        (await shared.FindAsync(BotId, default))!.Attachment.ShouldBe(LineTenantAttachment.Attached);
        await Should.ThrowAsync<LineAttachStateMismatchException>(() => secondFlow.CompleteAsync(redirect["code"]!, redirect["state"]));
    }

    private static ILineTenantRegistry Registry(WebhookTestHost host) => host.Services.GetRequiredService<ILineTenantRegistry>();

    private static Task<WebhookTestHost> StartAsync(
        LineFakePlatform platform, Action<LineWebhookBuilder> handlers, bool gate = false, InMemoryLineTenantRegistry? registry = null) =>
        WebhookTestHost.StartAsync(
            w =>
            {
                if (registry is not null)
                {
                    w.Services.AddSingleton(registry);
                }

                w.Services.AddSingleton(new LineChannelCredentials(platform.Options.ChannelId, platform.Options.ChannelSecret));
                handlers(w.UseTenantRegistry(o => o.ReconcileInterval = null));
            },
            lineApi: platform.BaseAddress,
            configureLineClient: c =>
            {
                if (gate)
                {
                    c.AddLineTenantGate();
                }
            },
            configureInbox: o => o.MaxAttempts = 5,
            configureEndpoint: o => o.ChannelSecrets.Add(platform.Options.ChannelSecret));

    private static async Task SendAsync(LineFakePlatform platform, WebhookTestHost host, LineWebhookEvent webhookEvent)
    {
        platform.Options.WebhookUrl = new Uri(host.Client.BaseAddress!, "/webhook");
        using var response = await platform.SendWebhookAsync(BotId, webhookEvent);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    /// <summary>Records what the registry said about the OA when the handler ran, in the handler name.</summary>
    private sealed class RegistryReadingHandler(HandlerRecorder recorder, ILineTenantRegistry registry) : ILineWebhookHandler<Event>
    {
        public async ValueTask HandleAsync(Event webhookEvent, LineTenantContext context, CancellationToken cancellationToken)
        {
            var tenant = await registry.FindAsync(context.BotId, cancellationToken);
            var seen = tenant is null
                ? "unknown"
                : $"{tenant.Attachment.ToString().ToLowerInvariant()} scopes: {string.Join(" ", (tenant.GrantedScopes ?? []).Order(StringComparer.Ordinal))}";
            recorder.Record(new HandledEvent(seen, webhookEvent, context));
        }
    }

    private sealed class PushingHandler : ILineWebhookHandler<MessageEvent>
    {
        public async ValueTask HandleAsync(MessageEvent webhookEvent, LineTenantContext context, CancellationToken cancellationToken) =>
            await context.Messaging.PushMessageAsync(
                new PushMessageRequest { To = "Uuser", Messages = [new TextMessage { Text = "hi" }] },
                context.RetryKeyFor("greeting"),
                cancellationToken);
    }
}
