using System;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using ModuleGen.Line.Models;
using ModuleGen.Line.Testing.Tests.Infrastructure;
using ModuleGen.Line.Testing.Webhooks;
using Shouldly;
using Xunit;

namespace ModuleGen.Line.Testing.Tests;

/// <summary>Retry keys remembered (a repeat gets 409 naming the accepted request) and reply tokens good for one reply.</summary>
public sealed class RetryKeyAndReplyTokenTests : IDisposable
{
    private const string UserId = LineWebhookEvents.DefaultUserId;

    private readonly LineFakePlatform platform = LineFakePlatform.Start();
    private readonly string botId;

    public RetryKeyAndReplyTokenTests() => botId = platform.AttachBot().BotId;

    public void Dispose() => platform.Dispose();

    [Fact]
    public async Task APushRepeatedWithItsRetryKeyGets409NamingTheAcceptedRequest()
    {
        const string push = """{"to":"U1","messages":[{"type":"text","text":"hi"}]}""";
        using var first = await platform.SendAsync(HttpMethod.Post, "/v2/bot/message/push", push, botId, RawRequests.RetryKey);
        using var repeat = await platform.SendAsync(HttpMethod.Post, "/v2/bot/message/push", push, botId, RawRequests.RetryKey);

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        repeat.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await repeat.ErrorMessageAsync()).ShouldBe("The retry key is already accepted");
        repeat.Headers.GetValues("X-Line-Accepted-Request-Id").ShouldBe(first.Headers.GetValues("X-Line-Request-Id"));
        (await repeat.Content.ReadAsStringAsync()).ShouldContain("\"sentMessages\"");
        platform.Sent.Pushes(botId).Count.ShouldBe(1);
    }

    [Fact]
    public async Task APushWhoseAnswerWasLostIsRetriedWithItsKeyAndReportedAsAlreadyAccepted()
    {
        platform.Faults.Next("pushMessage").LoseAnswer();
        using var clients = new ModuleClients(platform, retries: true);

        var push = await clients.Messaging.ForBot(botId).PushMessageAsync(ModuleClients.Push(UserId, "Your table is ready"));

        push.AlreadyAccepted.ShouldBeTrue();
        var accepted = platform.Sent.Requests("pushMessage", botId).ShouldHaveSingleItem();
        push.AcceptedRequestId.ShouldBe(accepted.RequestId);
        platform.Requests.Count.ShouldBe(2);
        platform.Requests[1].Status.ShouldBe(409);
        platform.Requests[1].Header("X-Line-Retry-Key").ShouldBe(accepted.Header("X-Line-Retry-Key"));
        platform.Sent.Pushes(botId).ShouldHaveSingleItem().Messages.ShouldHaveSingleItem().ShouldBeOfType<TextMessage>().Text.ShouldBe("Your table is ready");
    }

    [Fact]
    public async Task EachOfTheFourSendOperationsRemembersItsKeys()
    {
        (string Path, string Json)[] sends =
        [
            ("/v2/bot/message/push", """{"to":"U1","messages":[{"type":"text","text":"a"}]}"""),
            ("/v2/bot/message/multicast", """{"to":["U1"],"messages":[{"type":"text","text":"b"}]}"""),
            ("/v2/bot/message/narrowcast", """{"messages":[{"type":"text","text":"c"}]}"""),
            ("/v2/bot/message/broadcast", """{"messages":[{"type":"text","text":"d"}]}"""),
        ];
        foreach (var (path, json) in sends)
        {
            var key = Guid.NewGuid().ToString();
            using var first = await platform.SendAsync(HttpMethod.Post, path, json, botId, key);
            using var repeat = await platform.SendAsync(HttpMethod.Post, path, json, botId, key);

            ((int)first.StatusCode).ShouldBeInRange(200, 299, path);
            repeat.StatusCode.ShouldBe(HttpStatusCode.Conflict, path);
        }
    }

    [Fact]
    public async Task AReplyTokenFromASentWebhookIsGoodForOneReply()
    {
        var message = LineWebhookEvents.TextMessage("Is the 7pm table free?");
        var module = new RecordingModule();
        platform.Options.WebhookUrl = RecordingModule.WebhookUrl;
        platform.Options.WebhookClient = module.Client;
        using var delivered = await platform.SendWebhookAsync(botId, message);
        using var clients = new ModuleClients(platform);
        var reply = new ReplyMessageRequest { ReplyToken = message.ReplyToken!, Messages = [new TextMessage { Text = "Yes" }] };

        await clients.Messaging.ForBot(botId).ReplyMessageAsync(reply);
        var second = await Should.ThrowAsync<LineApiException>(() => clients.Messaging.ForBot(botId).ReplyMessageAsync(reply));

        second.Status.ShouldBe(400);
        second.Error.ShouldNotBeNull().Message.ShouldBe("Invalid reply token");
        platform.Sent.Replies(botId).ShouldHaveSingleItem().ReplyToken.ShouldBe(message.ReplyToken);
    }

    [Fact]
    public async Task AReplyTokenTheFakeNeverHandedOutIsInvalid()
    {
        using var clients = new ModuleClients(platform);

        var refused = await Should.ThrowAsync<LineApiException>(() => clients.Messaging.ForBot(botId).ReplyMessageAsync(
            new ReplyMessageRequest { ReplyToken = "made-up", Messages = [new TextMessage { Text = "Hi" }] }));

        refused.Error.ShouldNotBeNull().Message.ShouldBe("Invalid reply token");
    }

    [Fact]
    public void AStandbyEventCarriesNoReplyToken()
    {
        LineWebhookEvents.TextMessage("hi").InStandby().ReplyToken.ShouldBeNull();
        LineWebhookEvents.TextMessage("hi").ReplyToken.ShouldNotBeNull();
    }
}
