using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using ModuleGen.Line.AspNetCore;
using ModuleGen.Line.AspNetCore.Webhooks;
using ModuleGen.Line.Inbox;
using ModuleGen.Line.Webhooks.Tests.Infrastructure;
using Shouldly;
using Xunit;

namespace ModuleGen.Line.Webhooks.Tests;

public sealed class EndpointTests
{
    private const string Destination = "U2291b5e1143a20526e594f7dba3f8989";

    [Fact]
    public async Task ASignedActiveMessageReachesTheMessageHandlerWithTheTenantContextAndAReplyHelper()
    {
        await using var host = await WebhookTestHost.StartAsync(w => w.AddHandler<MessageEvent, RecordingHandler<MessageEvent>>());

        var response = await host.PostSignedAsync(Fixtures.Read("message.active.json"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var call = (await host.Recorder.WaitForAsync(1)).ShouldHaveSingleItem();
        call.Event.ShouldBeOfType<MessageEvent>().Message.ShouldBeOfType<TextMessageContent>();
        call.Context.BotId.ShouldBe(Destination);
        call.Context.Destination.ShouldBe(Destination);
        call.Context.Messaging.BotId.ShouldBe(Destination);
        call.Context.Mode.ShouldBe(EventMode.Active);
        call.Context.WebhookEventId.ShouldBe("01KXFPTJCWF0FQ2TXF9Y2YF399");
        call.Context.IsRedelivery.ShouldBeFalse();
        call.Context.Attempt.ShouldBe(1);
        call.Context.GrantedScopes.ShouldBeNull();
        call.Context.Reply.ShouldNotBeNull().ReplyToken.ShouldBe("a6262a997702652f2b23a015da221902");
    }

    [Fact]
    public async Task AStandbyMessageReachesItsHandlerWithoutAReplyHelper()
    {
        await using var host = await WebhookTestHost.StartAsync(w => w.AddHandler<MessageEvent, RecordingHandler<MessageEvent>>());

        (await host.PostSignedAsync(Fixtures.Read("message.standby.json"))).StatusCode.ShouldBe(HttpStatusCode.OK);

        var call = (await host.Recorder.WaitForAsync(1)).ShouldHaveSingleItem();
        call.Context.Mode.ShouldBe(EventMode.Standby);
        call.Context.Reply.ShouldBeNull();
        call.Context.IsRedelivery.ShouldBeTrue();
    }

    [Fact]
    public async Task EveryEventTypeFixtureReachesTheHandlersAsItsGeneratedTypeForItsOa()
    {
        string[] types = ["message", "messageEdited", "unsend", "follow", "unfollow", "join", "leave", "memberJoined", "memberLeft", "postback",
            "videoPlayComplete", "beacon", "accountLink", "membership", "delivery", "module", "activated", "deactivated", "botSuspended", "botResumed"];
        await using var host = await WebhookTestHost.StartAsync(w => w.AddHandler<Event, RecordingHandler<Event>>());

        var expected = new Dictionary<string, (Type Type, string Destination, bool HasReply)>();
        foreach (var name in types.SelectMany(t => new[] { $"{t}.active.json", $"{t}.standby.json" }))
        {
            var body = Fixtures.Read(name);
            var request = LineWebhookParser.ParseUnverified(body);
            var webhookEvent = request.Events.Single();
            expected[webhookEvent.WebhookEventId] = (webhookEvent.GetType(), request.Destination, webhookEvent.ReplyToken is not null);
            (await host.PostSignedAsync(body)).StatusCode.ShouldBe(HttpStatusCode.OK, name);
        }

        var calls = await host.Recorder.WaitForAsync(expected.Count);
        calls.Count.ShouldBe(expected.Count);
        foreach (var call in calls)
        {
            (var type, var destination, var hasReply) = expected[call.Event.WebhookEventId];
            call.Event.ShouldBeOfType(type);
            call.Context.BotId.ShouldBe(destination);
            (call.Context.Reply is not null).ShouldBe(hasReply && call.Event.Mode == EventMode.Active, call.Event.Type);
        }
    }

    [Fact]
    public async Task EventsWithoutAHandlerOfTheirOwnTypeGoToTheCatchAllIncludingUnknownEvents()
    {
        await using var host = await WebhookTestHost.StartAsync(w => w
            .AddHandler<MessageEvent, RecordingHandler<MessageEvent>>()
            .AddHandler<Event, RecordingHandler<Event>>());

        (await host.PostSignedAsync(Fixtures.Read("batch.mixed.json"))).StatusCode.ShouldBe(HttpStatusCode.OK);

        var calls = await host.Recorder.WaitForAsync(9);
        calls.Count(c => c.Handler == "RecordingHandler`1<MessageEvent>").ShouldBe(1);
        calls.Count(c => c.Handler == "RecordingHandler`1<Event>").ShouldBe(8);
        calls.Single(c => c.Event.Type == "someFutureEvent").Event.ShouldBeOfType<UnknownEvent>();
    }

    [Fact]
    public async Task TheVerificationCallIsAnswered200AndReachesNoHandler()
    {
        await using var host = await WebhookTestHost.StartAsync(w => w.AddHandler<Event, RecordingHandler<Event>>());

        var response = await host.PostAsync(Fixtures.Read("verification.empty.json"), "GhRKmvmHys4Pi8DxkF4+EayaH0OqtJtaZxgTD9fMDLs=");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        await AssertNothingStoredOrHandledAsync(host);
    }

    public static TheoryData<string, string?> BypassAttempts()
    {
        var body = Fixtures.Read("message.active.json");
        var signature = Fixtures.Sign(body);
        using var document = JsonDocument.Parse(body);
        var compact = JsonSerializerCompact(document.RootElement);
        return new TheoryData<string, string?>
        {
            { "missing header", null },
            { "wrong secret", Fixtures.Sign(body, "0123456789abcdef0123456789abcdef") },
            { "signature of the body re-serialized", Fixtures.Sign(compact) },
            { "truncated signature", signature[..40] },
            { "signature of a different body", Fixtures.Sign(Fixtures.Read("message.standby.json")) },
            { "empty header", string.Empty },
            { "whitespace inside", signature[..10] + " " + signature[10..] },
            { "non-base64", new string('*', 44) },
        };
    }

    [Theory]
    [MemberData(nameof(BypassAttempts))]
    public async Task ABadOrMissingSignatureGets401AndNothingIsStoredOrHandled(string attempt, string? signature)
    {
        await using var host = await WebhookTestHost.StartAsync(w => w.AddHandler<Event, RecordingHandler<Event>>());

        var response = await host.PostAsync(Fixtures.Read("message.active.json"), signature);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized, attempt);
        await AssertNothingStoredOrHandledAsync(host);
    }

    [Fact]
    public async Task ASignedButReSerializedBodyGets401()
    {
        await using var host = await WebhookTestHost.StartAsync(w => w.AddHandler<Event, RecordingHandler<Event>>());
        var original = Fixtures.Read("message.active.json");
        using var document = JsonDocument.Parse(original);

        var response = await host.PostAsync(JsonSerializerCompact(document.RootElement), Fixtures.Sign(original));

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        await AssertNothingStoredOrHandledAsync(host);
    }

    [Theory]
    [InlineData("X-Line-Signature")]
    [InlineData("x-line-signature")]
    [InlineData("X-LINE-SIGNATURE")]
    public async Task TheSignatureHeaderNameIsMatchedWhateverItsCase(string headerName)
    {
        await using var host = await WebhookTestHost.StartAsync(w => w.AddHandler<Event, RecordingHandler<Event>>());
        var body = Fixtures.Read("follow.active.json");

        (await host.PostAsync(body, Fixtures.Sign(body), headerName)).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await host.Recorder.WaitForAsync(1)).ShouldHaveSingleItem().Event.ShouldBeOfType<FollowEvent>();
    }

    [Fact]
    public async Task ABodyOverTheLimitGets413AndNothingIsStored()
    {
        await using var host = await WebhookTestHost.StartAsync(w => w.AddHandler<Event, RecordingHandler<Event>>(), maxBodyBytes: 256);
        var body = Fixtures.Read("message.active.json");

        (await host.PostSignedAsync(body)).StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);

        await AssertNothingStoredOrHandledAsync(host);
    }

    [Fact]
    public async Task AChunkedBodyOverTheLimitGets413WithoutAContentLength()
    {
        await using var host = await WebhookTestHost.StartAsync(w => w.AddHandler<Event, RecordingHandler<Event>>(), maxBodyBytes: 256);
        var body = Fixtures.Read("message.active.json");
        var request = new HttpRequestMessage(HttpMethod.Post, "/webhook") { Content = new StreamContent(new NonSeekableStream(body)) };
        request.Headers.TryAddWithoutValidation("x-line-signature", Fixtures.Sign(body));

        var response = await host.Client.SendAsync(request);

        request.Content.Headers.ContentLength.ShouldBeNull();
        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        await AssertNothingStoredOrHandledAsync(host);
    }

    [Fact]
    public async Task ASignedBodyThatIsNotAWebhookGets400()
    {
        await using var host = await WebhookTestHost.StartAsync(w => w.AddHandler<Event, RecordingHandler<Event>>());
        var body = Encoding.UTF8.GetBytes("{\"destination\":\"U2291b5e1143a20526e594f7dba3f8989\",\"events\":[{\"type\":\"message\"");

        (await host.PostSignedAsync(body)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        await AssertNothingStoredOrHandledAsync(host);
    }

    [Fact]
    public async Task ARedeliveredEventWithTheSameWebhookEventIdIsHandledOnce()
    {
        await using var host = await WebhookTestHost.StartAsync(w => w.AddHandler<MessageEvent, RecordingHandler<MessageEvent>>());
        var original = Fixtures.Read("message.active.json");
        var redelivery = Fixtures.AsRedelivery(original);
        redelivery.ShouldNotBe(original);

        (await host.PostSignedAsync(original)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await host.Recorder.WaitForAsync(1);
        (await host.PostSignedAsync(redelivery)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await host.PostSignedAsync(redelivery)).StatusCode.ShouldBe(HttpStatusCode.OK);

        await Eventually.HoldsAsync(async () => (await host.Inbox.GetStatisticsAsync(default)) is { Pending: 0, InFlight: 0 }, "the inbox is idle");
        await Task.Delay(200);
        host.Recorder.Calls.ShouldHaveSingleItem().Context.IsRedelivery.ShouldBeFalse();
        (await host.Inbox.GetStatisticsAsync(default)).Completed.ShouldBe(1);
    }

    [Fact]
    public async Task AFailingHandlerIsRetriedThenItsEventIsDeadLetteredWithTheRawEventBytes()
    {
        await using var host = await WebhookTestHost.StartAsync(w => w.AddHandler<MessageEvent, FailingHandler<MessageEvent>>());
        var body = Fixtures.Read("message.active.json");

        (await host.PostSignedAsync(body)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var calls = await host.Recorder.WaitForAsync(2);
        calls.Select(c => c.Context.Attempt).ShouldBe([1, 2]);
        IReadOnlyList<LineDeadLetter> deadLetters = [];
        await Eventually.HoldsAsync(async () => (deadLetters = await host.Inbox.GetDeadLettersAsync(10, default)).Count == 1, "the event is dead-lettered");
        var deadLetter = deadLetters.Single();
        deadLetter.Attempts.ShouldBe(2);
        deadLetter.LastError.ShouldNotBeNull().ShouldContain("The handler failed on purpose.");
        deadLetter.Event.Destination.ShouldBe(Destination);
        deadLetter.Event.EventType.ShouldBe("message");
        deadLetter.Event.Timestamp.ShouldBe(1784012425628);
        deadLetter.Event.EventJson.ToArray().ShouldBe(RawEvent(body, 0));
        host.Recorder.Calls.Count.ShouldBe(2);
    }

    [Fact]
    public async Task AStoreFailureGets500SoLineRedelivers()
    {
        var inbox = new FailingWebhookInbox();
        await using var host = await WebhookTestHost.StartAsync(
            w => w.AddHandler<Event, RecordingHandler<Event>>().Services.AddSingleton<ILineWebhookInbox>(inbox),
            useInMemoryInbox: false);

        var response = await host.PostSignedAsync(Fixtures.Read("message.active.json"));

        response.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        inbox.EnqueueAttempts.ShouldBe(1);
        host.Recorder.Calls.ShouldBeEmpty();
    }

    [Fact]
    public async Task TheReplyHelperPostsTheReplyTokenToLineAsTheDestinationBot()
    {
        await using var line = await FakeLineApi.StartAsync();
        await using var host = await WebhookTestHost.StartAsync(w => w.AddHandler<MessageEvent, ReplyingHandler>(), lineApi: line.Address);

        (await host.PostSignedAsync(Fixtures.Read("message.active.json"))).StatusCode.ShouldBe(HttpStatusCode.OK);

        await host.Recorder.WaitForAsync(1);
        var reply = line.Journal.ShouldHaveSingleItem();
        reply.Method.ShouldBe("POST");
        reply.Path.ShouldBe("/v2/bot/message/reply");
        reply.Headers["X-Line-Bot-Id"].ShouldBe(Destination);
        reply.Headers["Authorization"].ShouldBe("Bearer test-channel-access-token");
        using var sent = JsonDocument.Parse(reply.Body);
        sent.RootElement.GetProperty("replyToken").GetString().ShouldBe("a6262a997702652f2b23a015da221902");
        sent.RootElement.GetProperty("messages")[0].GetProperty("text").GetString().ShouldBe("ok");
    }

    [Fact]
    public async Task GrantedScopesFromTheScopeStoreReachTheTenantContext()
    {
        await using var host = await WebhookTestHost.StartAsync(w => w
            .AddHandler<Event, RecordingHandler<Event>>()
            .AddScopeStore<FixedScopeStore>());

        (await host.PostSignedAsync(Fixtures.Read("follow.active.json"))).StatusCode.ShouldBe(HttpStatusCode.OK);

        var call = (await host.Recorder.WaitForAsync(1)).ShouldHaveSingleItem();
        call.Context.GrantedScopes.ShouldNotBeNull().OrderBy(s => s).ShouldBe(FixedScopeStore.Scopes.OrderBy(s => s));
    }

    [Fact]
    public void RegisteringTwoHandlersForOneEventTypeIsRefused()
    {
        var services = new ServiceCollection();
        var webhooks = services.AddLineWebhooks(o => o.ChannelSecrets.Add(Fixtures.Secret))
            .AddHandler<MessageEvent, RecordingHandler<MessageEvent>>();

        Should.Throw<InvalidOperationException>(() => webhooks.AddHandler<MessageEvent, FailingHandler<MessageEvent>>());
    }

    [Fact]
    public async Task AHostWithoutAChannelSecretFailsToStartInsteadOfAcceptingUnsignedRequests()
    {
        var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateSlimBuilder();
        builder.Services.AddLineWebhooks(_ => { }).UseInMemoryInbox();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var app = builder.Build();

        await Should.ThrowAsync<Microsoft.Extensions.Options.OptionsValidationException>(() => app.StartAsync());
    }

    internal static byte[] RawEvent(byte[] body, int index)
    {
        using var document = JsonDocument.Parse(body);
        return Encoding.UTF8.GetBytes(document.RootElement.GetProperty("events")[index].GetRawText());
    }

    private static async Task AssertNothingStoredOrHandledAsync(WebhookTestHost host)
    {
        await Task.Delay(150);
        (await host.Inbox.GetStatisticsAsync(default)).ShouldBe(new LineInboxStatistics(0, 0, 0, 0, null));
        host.Recorder.Calls.ShouldBeEmpty();
    }

    private static byte[] JsonSerializerCompact(JsonElement element)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            element.WriteTo(writer);
        }

        return stream.ToArray();
    }

    /// <summary>Forces HttpClient to send the body chunked, with no Content-Length.</summary>
    private sealed class NonSeekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
