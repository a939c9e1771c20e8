using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using ModuleGen.Line.Models;
using ModuleGen.Line.Testing.Tests.Infrastructure;
using ModuleGen.Line.Testing.Webhooks;
using ModuleGen.Line.Webhooks;
using Shouldly;
using Xunit;

namespace ModuleGen.Line.Testing.Tests;

/// <summary>Signed webhooks to the module under test, and a builder for every event type, active and standby.</summary>
public sealed class WebhookTests : IDisposable
{
    private const string BotId = "U5fac33f633e72c192759f09afc41fa28";

    private readonly RecordingModule module = new();
    private readonly LineFakePlatform platform;

    public WebhookTests() => platform = LineFakePlatform.Start(options =>
    {
        options.WebhookUrl = RecordingModule.WebhookUrl;
        options.WebhookClient = module.Client;
    });

    public void Dispose()
    {
        platform.Dispose();
        module.Client.Dispose();
    }

    public static TheoryData<string, LineWebhookEvent> EveryEventType() => new()
    {
        { "message", LineWebhookEvents.TextMessage("hi") },
        { "message", LineWebhookEvents.ImageMessage() },
        { "message", LineWebhookEvents.VideoMessage() },
        { "message", LineWebhookEvents.AudioMessage() },
        { "message", LineWebhookEvents.FileMessage("menu.pdf", 2048) },
        { "message", LineWebhookEvents.LocationMessage("Tokyo Tower", "4-2-8 Shibakoen", 35.6585805, 139.7454329) },
        { "message", LineWebhookEvents.StickerMessage("789", "10855") },
        { "messageEdited", LineWebhookEvents.MessageEdited("Table for 3") },
        { "follow", LineWebhookEvents.Follow() },
        { "unfollow", LineWebhookEvents.Unfollow() },
        { "join", LineWebhookEvents.Join("C0a1b2c3d4e5f60718293a4b5c6d7e8f9") },
        { "leave", LineWebhookEvents.Leave("C0a1b2c3d4e5f60718293a4b5c6d7e8f9") },
        { "memberJoined", LineWebhookEvents.MemberJoined("C0a1b2c3d4e5f60718293a4b5c6d7e8f9", LineWebhookEvents.DefaultUserId) },
        { "memberLeft", LineWebhookEvents.MemberLeft("C0a1b2c3d4e5f60718293a4b5c6d7e8f9", LineWebhookEvents.DefaultUserId) },
        { "postback", LineWebhookEvents.Postback("action=reserve") },
        { "videoPlayComplete", LineWebhookEvents.VideoPlayComplete("menu-video") },
        { "beacon", LineWebhookEvents.Beacon("d41d8cd98f") },
        { "accountLink", LineWebhookEvents.AccountLink("nonce-1") },
        { "membership", LineWebhookEvents.Membership(3189) },
        { "unsend", LineWebhookEvents.Unsend("581697346187430392") },
        { "module", LineWebhookEvents.Attached(BotId, ["message:send"]) },
        { "module", LineWebhookEvents.Detached(BotId) },
        { "activated", LineWebhookEvents.Activated(DateTimeOffset.UnixEpoch.AddDays(20000)) },
        { "deactivated", LineWebhookEvents.Deactivated() },
        { "botSuspended", LineWebhookEvents.BotSuspended() },
        { "botResumed", LineWebhookEvents.BotResumed() },
        { "delivery", LineWebhookEvents.Delivery("e9588de867f5721089dda25505afa735") },
    };

    [Theory]
    [MemberData(nameof(EveryEventType))]
    public async Task EveryEventTypeArrivesSignedAndReadsAsItsOwnTypeActiveAndStandby(string type, LineWebhookEvent built)
    {
        using var response = await platform.SendWebhookAsync(BotId, built, LineWebhookEvents.TextMessage("standby").InStandby());

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var (request, body) = module.Received.ShouldHaveSingleItem();
        var signature = request.Headers.GetValues("x-line-signature").ShouldHaveSingleItem();
        var callback = LineWebhookParser.Parse(body, signature, [platform.Options.ChannelSecret]);
        callback.Destination.ShouldBe(BotId);
        callback.Events.Count.ShouldBe(2);
        callback.Events[0].Type.ShouldBe(type);
        callback.Events[0].ShouldNotBeOfType<UnknownEvent>();
        callback.Events[0].WebhookEventId.ShouldBe(built.WebhookEventId);
        callback.Events[1].Mode.ShouldBe(EventMode.Standby);
    }

    [Fact]
    public async Task TheSignatureIsTheBase64HmacOfTheRawBodyWithTheChannelSecret()
    {
        using var response = await platform.SendWebhookAsync(BotId, LineWebhookEvents.Follow());

        var (request, body) = module.Received.ShouldHaveSingleItem();
        using var hmac = new System.Security.Cryptography.HMACSHA256(Encoding.UTF8.GetBytes(platform.Options.ChannelSecret));
        request.Headers.GetValues("x-line-signature").ShouldBe([Convert.ToBase64String(hmac.ComputeHash(body))]);
        request.Content!.Headers.ContentType!.MediaType.ShouldBe("application/json");
        Should.Throw<LineWebhookException>(() => LineWebhookParser.Parse(body, request.Headers.GetValues("x-line-signature").Single(), ["another-secret"]));
    }

    [Fact]
    public void BuildersMakeLinesShapesAndStandbyDropsTheReplyToken()
    {
        var active = LineWebhookEvents.Postback("a=1").FromUser("LUx-U1").Redelivered().ToJson();
        var standby = LineWebhookEvents.Postback("a=1").InStandby().ToJson();

        active["mode"]!.GetValue<string>().ShouldBe("active");
        active["replyToken"].ShouldNotBeNull();
        active["deliveryContext"]!["isRedelivery"]!.GetValue<bool>().ShouldBeTrue();
        active["source"]!.ToJsonString().ShouldBe("""{"type":"user","userId":"LUx-U1"}""");
        active["webhookEventId"]!.GetValue<string>().Length.ShouldBe(26);
        standby["mode"]!.GetValue<string>().ShouldBe("standby");
        standby.ContainsKey("replyToken").ShouldBeFalse();
    }

    [Fact]
    public async Task WithoutAWebhookUrlSendingIsATypedError()
    {
        using var bare = LineFakePlatform.Start();

        (await Should.ThrowAsync<InvalidOperationException>(() => bare.SendWebhookAsync(BotId, LineWebhookEvents.Follow())))
            .Message.ShouldContain("WebhookUrl");
    }
}
