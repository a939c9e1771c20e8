using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using System.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ModuleGen.Line;
using ModuleGen.Line.Inbox;
using ModuleGen.Line.Models;
using ModuleGen.Line.Tenants;
using ModuleGen.Line.Testing;
using ModuleGen.Line.Testing.Webhooks;

namespace ModuleGen.Samples.Reservations.Demo;

/// <summary>
/// The reservation module's life with one OA, against the fake LINE platform: attach by OAuth with state and PKCE, the
/// attached event, a guest's request answered by reply, a booking confirmed by a push that LINE first answers with a
/// 500 (retried once with the same retry key; a replay gets 409 "already accepted"), a standby event left unanswered,
/// chat control acquired and released, and the detach. Every step shows what went to LINE and checks what should hold.
/// </summary>
public static class ReservationStory
{
    private static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(20);

    /// <summary>Runs the story; true when every check held.</summary>
    public static async Task<bool> RunAsync(TextWriter output, CancellationToken cancellationToken = default)
    {
        await using var platform = LineFakePlatform.Start();
        var data = Directory.CreateTempSubdirectory("modulegen-reservations-");
        var moduleUrl = new Uri($"http://127.0.0.1:{FreePort()}");
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(moduleUrl.AbsoluteUri);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Line:ChannelId"] = platform.Options.ChannelId,
            ["Line:ChannelSecret"] = platform.Options.ChannelSecret,
            ["Line:PublicBaseUrl"] = "https://reservations.example.com", // LINE's redirect; a proxy would forward it here
            ["Line:DataDirectory"] = data.FullName,
            ["Line:Resilience:RetryDelay"] = "00:00:00.200",
        });
        var line = builder.Configuration.GetSection("Line");
        var settings = ReservationSettings.From(line, builder.Environment.ContentRootPath);
        ReservationModule.AddServices(
            builder.Services,
            line,
            settings,
            o => platform.MapEndpoints(o.Endpoints),
            http => http.AddHttpMessageHandler(platform.CreateFaultHandler));
        await using var app = builder.Build();
        ReservationModule.MapEndpoints(app);
        await app.StartAsync(cancellationToken);
        platform.Options.WebhookUrl = new Uri(moduleUrl, "/line/webhook");

        var transcript = new Transcript(output, platform, LineClientOptions.DefaultBotIdHeaderName);
        output.WriteLine($"The reservation module runs at {moduleUrl}; LINE is the in-process fake at {platform.BaseAddress}.");
        try
        {
            await TellAsync(transcript, platform, app, moduleUrl, cancellationToken);
        }
        catch (Exception exception) when (exception is TimeoutException or HttpRequestException or LineApiException or InvalidOperationException)
        {
            transcript.Check(false, $"the story stopped: {exception.GetType().Name}: {exception.Message}");
        }
        finally
        {
            await app.StopAsync(CancellationToken.None);
            try
            {
                data.Delete(recursive: true);
            }
            catch (IOException)
            {
                // A file still held open by a finalizer is left in the temp folder; nothing depends on it.
            }
        }

        output.WriteLine();
        output.WriteLine(transcript.Failures == 0
            ? "The module behaved as expected at every step."
            : $"{transcript.Failures} check(s) failed.");
        return transcript.Failures == 0;
    }

    private static async Task TellAsync(Transcript transcript, LineFakePlatform platform, WebApplication app, Uri moduleUrl, CancellationToken ct)
    {
        var services = app.Services;
        var registry = services.GetRequiredService<ILineTenantRegistry>();
        var inbox = services.GetRequiredService<ILineWebhookInbox>();
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = moduleUrl };

        transcript.Step("An OA admin attaches the module (OAuth 2.0 authorization code with state and PKCE)");
        using var start = await browser.GetAsync("/attach", ct);
        var authorize = start.Headers.Location ?? throw new InvalidOperationException($"/attach did not redirect to LINE: {(int)start.StatusCode} {await start.Content.ReadAsStringAsync(ct)}");
        var query = HttpUtility.ParseQueryString(authorize.Query);
        transcript.Note($"/attach redirects the admin to {authorize.GetLeftPart(UriPartial.Path)}");
        transcript.Note($"  state={query["state"]}  code_challenge={query["code_challenge"]} ({query["code_challenge_method"]})  scope={query["scope"]}");
        transcript.Check(start.StatusCode == HttpStatusCode.Redirect && query["state"] is { Length: 32 } && query["code_challenge_method"] == "S256",
            "the authorize URL carries a 32-character state and an S256 PKCE challenge");
        var callback = platform.ApproveAttach(authorize);
        transcript.Note($"the admin approves; LINE redirects to {callback.GetLeftPart(UriPartial.Path)}?code=…&state=…");
        using var attachedPage = await browser.GetAsync(callback.PathAndQuery, ct);
        var attachedText = await attachedPage.Content.ReadAsStringAsync(ct);
        transcript.Note($"callback page: {attachedText}");
        var botId = platform.AttachedBots.Single().BotId;
        var tenant = await registry.FindAsync(botId, ct);
        transcript.Check(
            attachedPage.IsSuccessStatusCode && tenant is { Attachment: LineTenantAttachment.Attached } && tenant.GrantedScopes!.SequenceEqual(ReservationModule.Scopes),
            $"the token exchange returned bot {botId} and its scopes, recorded in the tenant registry");

        transcript.Step("LINE tells the module it was attached (module event 'attached')");
        await SendAsync(transcript, platform, inbox, botId, LineWebhookEvents.Attached(botId, ReservationModule.Scopes), ct);

        transcript.Step("A guest writes \"table for 4\": the module replies (active mode, reply token)");
        await SendAsync(transcript, platform, inbox, botId, LineWebhookEvents.TextMessage("table for 4"), ct);
        var reply = platform.Sent.Replies(botId).SingleOrDefault();
        transcript.Note($"reply: \"{(reply?.Messages.Single() as TextMessage)?.Text}\"");
        transcript.Check(reply is not null, "one reply, sent with the bot-id header of the OA");

        transcript.Step("The guest taps Book: the module pushes a confirmation; LINE answers the first attempt with 500");
        platform.Faults.Next("pushMessage").FailWith(500, "Internal error");
        await SendAsync(transcript, platform, inbox, botId, LineWebhookEvents.Postback("book:19:00:4"), ct);
        var pushes = platform.Requests.Where(r => r.OperationId == "pushMessage").ToList();
        transcript.Check(
            pushes.Select(p => p.Status).SequenceEqual([500, 200]) && pushes.Select(p => p.Header("X-Line-Retry-Key")).Distinct().Count() == 1,
            "the push was retried once, with the same X-Line-Retry-Key, and delivered once");
        var push = platform.Sent.Pushes(botId).Single();
        var retryKey = pushes[0].Header("X-Line-Retry-Key");
        transcript.Note("replaying the same push with the same retry key, as a retried handler would:");
        var messaging = services.GetRequiredService<MessagingApiClient>().ForBot(botId);
        var replay = await messaging.PushMessageAsync(push, retryKey, ct);
        transcript.Note($"LINE answers {replay.Status}: already accepted as request {replay.AcceptedRequestId}");
        transcript.Check(replay.AlreadyAccepted && platform.Sent.Pushes(botId).Count == 1, "the replay is a 409 success and the guest still has one message");

        transcript.Step("A message arrives while the module is on standby: no reply token, no reply");
        await SendAsync(transcript, platform, inbox, botId, LineWebhookEvents.TextMessage("table for 2").InStandby(), ct);
        transcript.Check(platform.Sent.Replies(botId).Count == 1, "nothing was sent for the standby event");

        transcript.Step("The module takes over the chat (chat control), then hands it back");
        var chatId = push.To;
        var oa = services.GetRequiredService<LineModuleClient>().ForBot(botId);
        await oa.AcquireChatControlAsync(chatId, new AcquireChatControlRequest { Expired = true, Ttl = 3600 }, ct);
        var acquired = platform.ModuleHasChatControl(botId, chatId);
        await oa.ReleaseChatControlAsync(chatId, ct);
        transcript.Check(acquired && !platform.ModuleHasChatControl(botId, chatId), "chat control acquired, then released");

        transcript.Step("The OA's admin detaches the module (module event 'detached')");
        await SendAsync(transcript, platform, inbox, botId, LineWebhookEvents.Detached(botId), ct);
        transcript.Check(
            (await registry.FindAsync(botId, ct)) is { Attachment: LineTenantAttachment.Detached, DetachedAt: not null },
            "the tenant registry records the detach (before any handler ran)");
        transcript.ShowNewRequests();
    }

    /// <summary>Sends a signed webhook and waits until the module's inbox has handled every event it stored.</summary>
    private static async Task SendAsync(Transcript transcript, LineFakePlatform platform, ILineWebhookInbox inbox, string botId, LineWebhookEvent webhookEvent, CancellationToken ct)
    {
        var before = (await inbox.GetStatisticsAsync(ct)).Completed;
        using var answer = await platform.SendWebhookAsync(botId, webhookEvent);
        transcript.Note($"LINE -> module: POST /line/webhook ({webhookEvent.Type}{(webhookEvent.ReplyToken is null ? ", no reply token" : string.Empty)}) -> {(int)answer.StatusCode}");
        transcript.Check(answer.StatusCode == HttpStatusCode.OK, "the module stored the event before answering 200");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(StepTimeout);
        while ((await inbox.GetStatisticsAsync(timeout.Token)).Completed <= before)
        {
            await Task.Delay(20, timeout.Token);
        }

        transcript.ShowNewRequests();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
