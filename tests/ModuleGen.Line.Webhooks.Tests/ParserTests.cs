using System;
using System.Buffers;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using ModuleGen.Line.Webhooks;
using ModuleGen.Line.Webhooks.Tests.Infrastructure;
using Shouldly;
using Xunit;

namespace ModuleGen.Line.Webhooks.Tests;

public sealed class ParserTests
{
    public static TheoryData<string> AllFixtures() => new(Fixtures.Names);

    public static TheoryData<string, Type> EventFixtures() => new()
    {
        { "message", typeof(MessageEvent) },
        { "messageEdited", typeof(MessageEditedEvent) },
        { "unsend", typeof(UnsendEvent) },
        { "follow", typeof(FollowEvent) },
        { "unfollow", typeof(UnfollowEvent) },
        { "join", typeof(JoinEvent) },
        { "leave", typeof(LeaveEvent) },
        { "memberJoined", typeof(MemberJoinedEvent) },
        { "memberLeft", typeof(MemberLeftEvent) },
        { "postback", typeof(PostbackEvent) },
        { "videoPlayComplete", typeof(VideoPlayCompleteEvent) },
        { "beacon", typeof(BeaconEvent) },
        { "accountLink", typeof(AccountLinkEvent) },
        { "membership", typeof(MembershipEvent) },
        { "delivery", typeof(PnpDeliveryCompletionEvent) },
        { "module", typeof(ModuleEvent) },
        { "activated", typeof(ActivatedEvent) },
        { "deactivated", typeof(DeactivatedEvent) },
        { "botSuspended", typeof(BotSuspendedEvent) },
        { "botResumed", typeof(BotResumedEvent) },
    };

    [Fact]
    public void TheFixtureDirectoryHoldsEveryDocumentedFixture()
    {
        Fixtures.Names.Count.ShouldBe(57);
    }

    [Theory]
    [MemberData(nameof(AllFixtures))]
    public void EveryFixtureParses(string name)
    {
        var request = Fixtures.Parse(name);

        request.Destination.ShouldStartWith("U");
        request.Events.ShouldAllBe(e => e != null);
    }

    [Theory]
    [MemberData(nameof(EventFixtures))]
    public void ActiveAndStandbyFixturesParseToTheirGeneratedEventType(string type, Type expected)
    {
        foreach (var mode in new[] { "active", "standby" })
        {
            var request = Fixtures.Parse($"{type}.{mode}.json");

            var webhookEvent = request.Events.ShouldHaveSingleItem();
            webhookEvent.ShouldBeOfType(expected);
            webhookEvent.Type.ShouldBe(type);
            webhookEvent.Mode.ShouldBe(new EventMode(mode));
        }
    }

    [Theory]
    [MemberData(nameof(EventFixtures))]
    public void StandbyFixturesHaveNoReplyToken(string type, Type expected)
    {
        var webhookEvent = Fixtures.Parse($"{type}.standby.json").Events.ShouldHaveSingleItem();

        webhookEvent.ShouldBeOfType(expected);
        webhookEvent.ReplyToken.ShouldBeNull();
    }

    [Theory]
    [InlineData("message.active.json", typeof(TextMessageContent))]
    [InlineData("message.standby.json", typeof(ImageMessageContent))]
    [InlineData("message.text.active.json", typeof(TextMessageContent))]
    [InlineData("message.image.active.json", typeof(ImageMessageContent))]
    [InlineData("message.video.active.json", typeof(VideoMessageContent))]
    [InlineData("message.audio.active.json", typeof(AudioMessageContent))]
    [InlineData("message.file.active.json", typeof(FileMessageContent))]
    [InlineData("message.location.active.json", typeof(LocationMessageContent))]
    [InlineData("message.sticker.active.json", typeof(StickerMessageContent))]
    public void MessageFixturesCarryTheirContentType(string name, Type contentType)
    {
        var message = Fixtures.Parse(name).Events.ShouldHaveSingleItem().ShouldBeOfType<MessageEvent>();

        message.Message.ShouldBeOfType(contentType);
    }

    [Fact]
    public void TheActiveMessageFixtureIsATextMessageWithAReplyToken()
    {
        var message = Fixtures.Parse("message.active.json").Events.ShouldHaveSingleItem().ShouldBeOfType<MessageEvent>();

        message.Message.ShouldBeOfType<TextMessageContent>().Text.ShouldBe("Is the 7pm table still free tomorrow?");
        message.ReplyToken.ShouldBe("a6262a997702652f2b23a015da221902");
        message.Source.ShouldBeOfType<UserSource>();
        message.DeliveryContext.IsRedelivery.ShouldBeFalse();
    }

    [Fact]
    public void TheActiveModuleFixtureIsAnAttachedModuleEventWithItsScopes()
    {
        var module = Fixtures.Parse("module.active.json").Events.ShouldHaveSingleItem().ShouldBeOfType<ModuleEvent>();

        var attached = module.Module.ShouldBeOfType<AttachedModuleContent>();
        attached.BotId.ShouldBe("U2291b5e1143a20526e594f7dba3f8989");
        attached.Scopes.ShouldBe(["message:send", "message:receive", "profile:read"]);
        module.Source.ShouldBeNull();
    }

    [Fact]
    public void TheStandbyModuleFixtureIsADetachedModuleEvent()
    {
        var module = Fixtures.Parse("module.standby.json").Events.ShouldHaveSingleItem().ShouldBeOfType<ModuleEvent>();

        module.Module.ShouldBeOfType<DetachedModuleContent>().Reason.ShouldBe(DetachedModuleContentReason.BotDeleted);
    }

    [Theory]
    [MemberData(nameof(AllFixtures))]
    public void EveryFixtureRoundTripsToStableBytesAndTheSameJson(string name)
    {
        var original = Fixtures.Read(name);

        var first = Write(LineWebhookParser.ParseUnverified(original));
        var second = Write(LineWebhookParser.ParseUnverified(first));

        second.ShouldBe(first, $"{name}: writing the re-parsed envelope changed the bytes");
        JsonEquality.FindDifference(original, first).ShouldBeNull($"{name}: the written JSON differs from the fixture");
    }

    [Fact]
    public void AnUnknownEventTypeBecomesUnknownEventWithItsRawJsonAndTypeKept()
    {
        var body = Fixtures.Read("unknown.event.json");

        var unknown = LineWebhookParser.ParseUnverified(body).Events.ShouldHaveSingleItem().ShouldBeOfType<UnknownEvent>();

        unknown.Type.ShouldBe("someFutureEvent");
        unknown.RawJson.GetProperty("someFutureEvent").ValueKind.ShouldBe(JsonValueKind.Object);
        using var original = JsonDocument.Parse(body);
        JsonEquality.FindDifference(original.RootElement.GetProperty("events")[0], unknown.RawJson).ShouldBeNull();
    }

    [Fact]
    public void AnUnknownMessageContentTypeBecomesUnknownMessageContentOnAKnownMessageEvent()
    {
        var message = Fixtures.Parse("unknown.message-content.json").Events.ShouldHaveSingleItem().ShouldBeOfType<MessageEvent>();

        var content = message.Message.ShouldBeOfType<UnknownMessageContent>();
        content.Type.ShouldBe("someFutureContent");
        content.RawJson.GetProperty("type").GetString().ShouldBe("someFutureContent");
    }

    [Fact]
    public void AnUnknownModuleContentTypeBecomesUnknownModuleContent()
    {
        var module = Fixtures.Parse("unknown.module-content.json").Events.ShouldHaveSingleItem().ShouldBeOfType<ModuleEvent>();

        var content = module.Module.ShouldBeOfType<UnknownModuleContent>();
        content.Type.ShouldBe("someFutureModuleChange");
        content.RawJson.GetProperty("detail").ValueKind.ShouldBe(JsonValueKind.Object);
    }

    [Fact]
    public void AnUnknownSourceTypeBecomesUnknownSourceOnAKnownFollowEvent()
    {
        var follow = Fixtures.Parse("unknown.source.json").Events.ShouldHaveSingleItem().ShouldBeOfType<FollowEvent>();

        var source = follow.Source.ShouldBeOfType<UnknownSource>();
        source.Type.ShouldBe("someFutureSource");
        source.RawJson.TryGetProperty("someFutureChatId", out _).ShouldBeTrue();
    }

    [Fact]
    public void AnUnknownMentioneeTypeBecomesUnknownMentioneeNextToTheKnownOnes()
    {
        var message = Fixtures.Parse("unknown.mentionee.json").Events.ShouldHaveSingleItem().ShouldBeOfType<MessageEvent>();

        var mentionees = message.Message.ShouldBeOfType<TextMessageContent>().Mention.ShouldNotBeNull().Mentionees;
        mentionees[0].ShouldBeOfType<UserMentionee>();
        mentionees[1].ShouldBeOfType<AllMentionee>();
        var unknown = mentionees[2].ShouldBeOfType<UnknownMentionee>();
        unknown.Type.ShouldBe("someFutureMentionee");
        unknown.RawJson.GetProperty("roleId").GetString().ShouldBe("staff");
    }

    [Fact]
    public void AnUnknownMembershipChangeBecomesUnknownMembershipContent()
    {
        var membership = Fixtures.Parse("unknown.membership-content.json").Events.ShouldHaveSingleItem().ShouldBeOfType<MembershipEvent>();

        var content = membership.Membership.ShouldBeOfType<UnknownMembershipContent>();
        content.Type.ShouldBe("someFutureMembershipChange");
        content.RawJson.TryGetProperty("nextMembershipId", out _).ShouldBeTrue();
    }

    [Fact]
    public void UnknownEnumValuesSurviveParsingAndWriting()
    {
        var body = Fixtures.Read("unknown.enum-values.json");
        var events = LineWebhookParser.ParseUnverified(body).Events;

        events.Count.ShouldBe(6);
        events[0].Mode.ToString().ShouldBe("observer");
        events[0].Mode.IsKnown.ShouldBeFalse();
        var written = Encoding.UTF8.GetString(Write(LineWebhookParser.ParseUnverified(body)));
        foreach (var value in new[] { "observer", "SOME_FUTURE_RESOURCE", "someFutureBeaconType", "some_future_reason", "someFutureProvider", "someFutureResult" })
        {
            written.ShouldContain($"\"{value}\"");
        }
    }

    [Fact]
    public void TheMixedBatchKeepsItsNineEventsInOrderWhateverThePropertyOrder()
    {
        var events = Fixtures.Parse("batch.mixed.json").Events;

        events.Select(e => e.Type).ShouldBe(
            ["botSuspended", "module", "message", "someFutureEvent", "activated", "membership", "follow", "deactivated", "botResumed"]);
        events[3].ShouldBeOfType<UnknownEvent>();
        events[6].DeliveryContext.IsRedelivery.ShouldBeTrue();
    }

    [Fact]
    public void MalformedJsonIsRejectedWithItsLineAndBytePosition()
    {
        var body = Encoding.UTF8.GetBytes("{\n  \"destination\": \"U1\",\n  \"events\": [ ,]\n}");

        var exception = Should.Throw<LineWebhookException>(() => LineWebhookParser.ParseUnverified(body));

        exception.Reason.ShouldBe(LineWebhookError.MalformedJson);
        exception.LineNumber.ShouldBe(2);
        exception.BytePositionInLine.ShouldBe(14);
    }

    [Fact]
    public void InvalidUtf8IsRejectedAsMalformedWithItsPosition()
    {
        byte[] body = [.. Encoding.UTF8.GetBytes("{\"destination\":\"U"), 0xFF, .. Encoding.UTF8.GetBytes("\",\"events\":[]}")];

        var exception = Should.Throw<LineWebhookException>(() => LineWebhookParser.ParseUnverified(body));

        exception.Reason.ShouldBe(LineWebhookError.MalformedJson);
        exception.LineNumber.ShouldBe(0);
        exception.BytePositionInLine.ShouldBe(17);
    }

    [Theory]
    [InlineData("""{"destination":"U1"}""")]
    [InlineData("""{"destination":"U1","events":{}}""")]
    [InlineData("""{"destination":"U1","events":null}""")]
    [InlineData("""{"destination":"U1","events":"[]"}""")]
    [InlineData("""[]""")]
    [InlineData("\"events\"")]
    [InlineData("""42""")]
    public void OnlyABodyThatIsNotAnObjectWithAnEventsArrayIsRejectedAsInvalidShape(string json)
    {
        var exception = Should.Throw<LineWebhookException>(() => LineWebhookParser.ParseUnverified(Encoding.UTF8.GetBytes(json)));

        exception.Reason.ShouldBe(LineWebhookError.InvalidShape);
    }

    [Theory]
    [InlineData("""{"events":[]}""", 0, LineWebhookProblemKind.DestinationMissing)]
    [InlineData("""{"destination":1,"events":[]}""", 0, LineWebhookProblemKind.DestinationMissing)]
    [InlineData("""{"destination":"U1","events":[null]}""", 1, LineWebhookProblemKind.EventUnreadable)]
    [InlineData("""{"destination":"U1","events":[1]}""", 1, LineWebhookProblemKind.EventUnreadable)]
    [InlineData("""{"destination":"U1","events":[{"type":"message","webhookEventId":"01","timestamp":"1","mode":"active","deliveryContext":{"isRedelivery":false}}]}""", 1, LineWebhookProblemKind.EventUnreadable)]
    [InlineData("""{"destination":"U1","events":[{"type":"follow","webhookEventId":"01","timestamp":1,"mode":"active","deliveryContext":{"isRedelivery":false}}]}""", 1, LineWebhookProblemKind.RequiredPropertyMissing)]
    public void ProblemsInsideAWellFormedEnvelopeAreReportedAndCostNoEvent(string json, int eventCount, LineWebhookProblemKind kind)
    {
        var batch = LineWebhookParser.ParseBatchUnverified(Encoding.UTF8.GetBytes(json));

        batch.Events.Count.ShouldBe(eventCount);
        batch.Problems.Select(p => p.Kind).ShouldContain(kind);
    }

    [Fact]
    public void AnEventWithoutTypeOrIdIsKeptAsUnknownWithADerivedKey()
    {
        var batch = LineWebhookParser.ParseBatchUnverified(Encoding.UTF8.GetBytes(
            """{"destination":"U1","events":[{"webhookEventId":"","timestamp":1,"mode":"active","deliveryContext":{"isRedelivery":false}}]}"""));

        var item = batch.Events.ShouldHaveSingleItem();
        item.Event.ShouldBeOfType<UnknownEvent>();
        item.IsDerivedKey.ShouldBeTrue();
        item.DeduplicationKey.ShouldStartWith(LineWebhookParser.DerivedKeyPrefix);
    }

    [Fact]
    public void EveryProblemOfABodyIsReportedNotOnlyTheFirst()
    {
        var batch = LineWebhookParser.ParseBatchUnverified(Encoding.UTF8.GetBytes(
            """{"events":[{"type":"message","timestamp":"soon"},{"type":"follow","webhookEventId":"02","timestamp":1,"mode":"active","deliveryContext":{"isRedelivery":false}},7]}"""));

        batch.Events.Count.ShouldBe(3);
        batch.Problems.Select(p => (p.Kind, p.JsonPath)).ShouldBe(new[]
        {
            (LineWebhookProblemKind.DestinationMissing, "$.destination"),
            (LineWebhookProblemKind.EventUnreadable, "$.events[0].timestamp"),
            (LineWebhookProblemKind.RequiredPropertyMissing, "$.events[1]"),
            (LineWebhookProblemKind.EventUnreadable, "$.events[2]"),
        });
        batch.Problems[2].Message.ShouldBe("FollowEvent.follow");
        ((UnreadableEvent)batch.Events[0].Event).Reason.ShouldContain("MessageEvent.timestamp");
    }

    [Fact]
    public void NestingDeeperThanTheLimitIsRejectedNotRecursedInto()
    {
        var deep = string.Concat(Enumerable.Repeat("{\"a\":", 100)) + "1" + new string('}', 100);
        var body = Encoding.UTF8.GetBytes("{\"destination\":\"U1\",\"extra\":" + deep + ",\"events\":[]}");

        var exception = Should.Throw<LineWebhookException>(() => LineWebhookParser.ParseUnverified(body));

        exception.Reason.ShouldBe(LineWebhookError.MalformedJson);
    }

    [Fact]
    public void ContentAfterTheEnvelopeIsRejected()
    {
        var body = Encoding.UTF8.GetBytes("""{"destination":"U1","events":[]} {}""");

        Should.Throw<LineWebhookException>(() => LineWebhookParser.ParseUnverified(body)).Reason.ShouldBe(LineWebhookError.MalformedJson);
    }

    [Fact]
    public void ParseEventReadsOneStoredEventObject()
    {
        using var document = JsonDocument.Parse(Fixtures.Read("postback.active.json"));
        var eventJson = Encoding.UTF8.GetBytes(document.RootElement.GetProperty("events")[0].GetRawText());

        LineWebhookParser.ParseEvent(eventJson).ShouldBeOfType<PostbackEvent>();
    }

    private static byte[] Write(CallbackRequest request)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            request.WriteJson(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }
}
