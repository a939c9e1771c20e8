using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using ModuleGen.Line.Models;
using ModuleGen.Line.Testing;
using ModuleGen.Line.Testing.Spec;
using Shouldly;
using Xunit;
using static ModuleGen.Line.ContractTests.Messaging.MessagingApiClients;
using static ModuleGen.Line.ContractTests.SpecConformance;

namespace ModuleGen.Line.ContractTests.Messaging;

/// <summary>Messaging API operations of a bot-scoped client, asserted on what WireMock received and on the parsed responses.</summary>
[Collection(LinePlatformCollection.Name)]
public sealed class MessagingApiContractTests(LinePlatformFixture fixture) : ContractTest(fixture)
{
    [Trait(SpecConformance.Operation, "pushMessage")]
    [Fact]
    public async Task PushMessageSendsASchemaValidBodyWithRetryKeyAndParsesSentMessages()
    {
        Platform.BotStub("pushMessage")
            .RespondJson(200, """{"sentMessages":[{"id":"461230966842064897","quoteToken":"IStG5h1Tz7b"},{"id":"461230966842064898"}]}""", ("X-Line-Request-Id", "req-push"));

        var (response, request) = await CallOnce("req-push", clients => clients.Bot.PushMessageAsync(new PushMessageRequest
        {
            To = UserId,
            Messages = [new TextMessage { Text = "Hello" }, new TextMessage { Text = "World" }],
            NotificationDisabled = true,
        }));

        response.AlreadyAccepted.ShouldBeFalse();
        response.Value.SentMessages.Select(m => m.Id).ShouldBe(new[] { "461230966842064897", "461230966842064898" });
        response.Value.SentMessages[0].QuoteToken.ShouldBe("IStG5h1Tz7b");
        response.Value.SentMessages[1].QuoteToken.ShouldBeNull();
        ShouldBeRetriableJsonBotCall(request, "pushMessage", "POST", "/v2/bot/message/push", $$"""{"to":"{{UserId}}","messages":[{"type":"text","text":"Hello"},{"type":"text","text":"World"}],"notificationDisabled":true}""");
    }

    [Trait(SpecConformance.Operation, "pushMessage")]
    [Fact]
    public async Task PushMessageSendsTheCallersOwnRetryKey()
    {
        const string key = "123e4567-e89b-12d3-a456-426614174000";
        Platform.SpecStub("pushMessage").WithHeader("X-Line-Retry-Key", key)
            .RespondJson(200, """{"sentMessages":[{"id":"1"}]}""");
        using var clients = new MessagingApiClients(Platform);

        await clients.Bot.PushMessageAsync(new PushMessageRequest { To = UserId, Messages = [new TextMessage { Text = "x" }] }, retryKey: key);

        Platform.Requests.ShouldHaveSingleItem().Header("X-Line-Retry-Key").ShouldBe(key);
    }

    [Trait(SpecConformance.Operation, "replyMessage")]
    [Fact]
    public async Task ReplyMessageSendsTheReplyTokenWithoutRetryKeyAndParsesSentMessages()
    {
        Platform.SpecStub("replyMessage")
            .RespondJson(200, """{"sentMessages":[{"id":"461230966842064899","quoteToken":"q-1"}]}""", ("X-Line-Request-Id", "req-reply"));

        var (response, request) = await CallOnce("req-reply", clients => clients.Bot.ReplyMessageAsync(new ReplyMessageRequest
        {
            ReplyToken = "nHuyWiB7yP5Zw52FIkcQobQuGDXCTA",
            Messages = [new TextMessage { Text = "Thanks!" }],
        }));

        response.Value.SentMessages.ShouldHaveSingleItem().Id.ShouldBe("461230966842064899");
        response.Value.SentMessages[0].QuoteToken.ShouldBe("q-1");
        ShouldBeJsonBotCall(request, "replyMessage", "POST", "/v2/bot/message/reply", """{"replyToken":"nHuyWiB7yP5Zw52FIkcQobQuGDXCTA","messages":[{"type":"text","text":"Thanks!"}]}""");
    }

    [Trait(SpecConformance.Operation, "multicast")]
    [Fact]
    public async Task MulticastSendsEveryRecipientWithRetryKey()
    {
        Platform.SpecStub("multicast").RespondJson(200, "{}", ("X-Line-Request-Id", "req-multicast"));

        var (_, request) = await CallOnce("req-multicast", clients => clients.Bot.MulticastAsync(new MulticastRequest
        {
            To = [UserId, OtherUserId],
            Messages = [new TextMessage { Text = "Sale today" }],
            CustomAggregationUnits = ["promo"],
        }));

        ShouldBeRetriableJsonBotCall(request, "multicast", "POST", "/v2/bot/message/multicast", $$"""{"to":["{{UserId}}","{{OtherUserId}}"],"messages":[{"type":"text","text":"Sale today"}],"customAggregationUnits":["promo"]}""");
    }

    [Trait(SpecConformance.Operation, "narrowcast")]
    [Fact]
    public async Task NarrowcastIsAcceptedWith202AndTheRequestIdIsTheProgressHandle()
    {
        Platform.SpecStub("narrowcast")
            .RespondJson(202, "{}", ("X-Line-Request-Id", "7d51557d-cba0-4f0e-9b3a-3f5e6b3c1a2b"));

        var (response, request) = await CallOnce("7d51557d-cba0-4f0e-9b3a-3f5e6b3c1a2b", clients => clients.Bot.NarrowcastAsync(new NarrowcastRequest
        {
            Messages = [new TextMessage { Text = "Members only" }],
            Recipient = new AudienceRecipient { AudienceGroupId = 5614991017776 },
            Limit = new Limit { Max = 100 },
        }), 202);

        response.AlreadyAccepted.ShouldBeFalse();
        ShouldBeRetriableJsonBotCall(request, "narrowcast", "POST", "/v2/bot/message/narrowcast", """{"messages":[{"type":"text","text":"Members only"}],"recipient":{"type":"audience","audienceGroupId":5614991017776},"limit":{"max":100}}""");
    }

    [Trait(SpecConformance.Operation, "getNarrowcastProgress")]
    [Fact]
    public async Task GetNarrowcastProgressSendsTheRequestIdQueryAndParsesTheProgress()
    {
        const string requestId = "7d51557d-cba0-4f0e-9b3a-3f5e6b3c1a2b";
        Platform.SpecStub("getNarrowcastProgress").WithQueryParameter("requestId", requestId)
            .RespondJson(200, """{"phase":"succeeded","successCount":10,"failureCount":1,"targetCount":11,"acceptedTime":"2020-12-03T10:15:30.121Z","completedTime":"2020-12-03T10:15:32.500Z"}""");

        var (response, request) = await CallOnce(null, clients => clients.Bot.GetNarrowcastProgressAsync(requestId));

        var progress = response.Value;
        progress.Phase.ShouldBe(NarrowcastProgressResponsePhase.Succeeded);
        progress.SuccessCount.ShouldBe(10);
        progress.FailureCount.ShouldBe(1);
        progress.TargetCount.ShouldBe(11);
        progress.AcceptedTime.ShouldBe("2020-12-03T10:15:30.121Z");
        progress.CompletedTime.ShouldBe("2020-12-03T10:15:32.500Z");
        progress.ErrorCode.ShouldBeNull();
        ShouldBeBodylessBotCall(request, "getNarrowcastProgress", "GET", "/v2/bot/message/progress/narrowcast", ("requestId", requestId));
    }

    [Trait(SpecConformance.Operation, "broadcast")]
    [Fact]
    public async Task BroadcastSendsTheMessagesWithRetryKey()
    {
        Platform.SpecStub("broadcast").RespondJson(200, "{}", ("X-Line-Request-Id", "req-broadcast"));

        var (_, request) = await CallOnce("req-broadcast", clients => clients.Bot.BroadcastAsync(new BroadcastRequest
        {
            Messages = [new TextMessage { Text = "Hello, everyone" }],
            NotificationDisabled = false,
        }));

        ShouldBeRetriableJsonBotCall(request, "broadcast", "POST", "/v2/bot/message/broadcast", """{"messages":[{"type":"text","text":"Hello, everyone"}],"notificationDisabled":false}""");
    }

    [Trait(SpecConformance.Operation, "getMessageQuota")]
    [Fact]
    public async Task GetMessageQuotaParsesTypeAndValue()
    {
        Platform.SpecStub("getMessageQuota").RespondJson(200, """{"type":"limited","value":1000}""", ("X-Line-Request-Id", "req-quota"));

        var (response, request) = await CallOnce("req-quota", clients => clients.Bot.GetMessageQuotaAsync());

        response.Value.Type.ShouldBe(MessageQuotaResponseType.Limited);
        response.Value.Value.ShouldBe(1000);
        ShouldBeBodylessBotCall(request, "getMessageQuota", "GET", "/v2/bot/message/quota");
    }

    [Trait(SpecConformance.Operation, "getProfile")]
    [Fact]
    public async Task GetProfileSendsTheLFormUserIdInThePathAndParsesTheProfile()
    {
        var path = "/v2/bot/profile/" + Uri.EscapeDataString(UserId);
        Platform.SpecStub("getProfile", ("userId", UserId)).RespondJson(
            200,
            $$"""{"displayName":"Brown","userId":"{{UserId}}","pictureUrl":"https://profile.line-scdn.net/abc","statusMessage":"Hello, LINE!","language":"en"}""");

        var (response, request) = await CallOnce(null, clients => clients.Bot.GetProfileAsync(UserId));

        var profile = response.Value;
        profile.DisplayName.ShouldBe("Brown");
        profile.UserId.ShouldBe(UserId);
        profile.PictureUrl.ShouldBe("https://profile.line-scdn.net/abc");
        profile.StatusMessage.ShouldBe("Hello, LINE!");
        profile.Language.ShouldBe("en");
        ShouldBeBodylessBotCall(request, "getProfile", "GET", "/v2/bot/profile/LUb577ef3cbe786a8da85ff8e902a03fc6-U5fac33f633e72c192759f09afc41fa28");
    }

    [Trait(SpecConformance.Operation, "getProfile")]
    [Fact]
    public async Task GetProfileEscapesReservedCharactersInTheUserId()
    {
        Platform.SpecStub("getProfile", ("userId", "a/b c")).RespondJson(200, """{"displayName":"X","userId":"a/b c"}""");
        using var clients = new MessagingApiClients(Platform);

        (await clients.Bot.GetProfileAsync("a/b c")).Value.UserId.ShouldBe("a/b c");

        Platform.Requests.ShouldHaveSingleItem().Url.ShouldBe("/v2/bot/profile/a%2Fb%20c");
    }

    [Trait(SpecConformance.Operation, "getBotInfo")]
    [Fact]
    public async Task GetBotInfoParsesTheBotAndItsModes()
    {
        Platform.SpecStub("getBotInfo").RespondJson(
            200,
            $$"""{"userId":"{{BotId}}","basicId":"@216ru...","displayName":"Example bot","pictureUrl":"https://obs.line-apps.com/x","chatMode":"chat","markAsReadMode":"manual"}""");

        var (response, request) = await CallOnce(null, clients => clients.Bot.GetBotInfoAsync());

        var info = response.Value;
        info.UserId.ShouldBe(BotId);
        info.BasicId.ShouldBe("@216ru...");
        info.PremiumId.ShouldBeNull();
        info.DisplayName.ShouldBe("Example bot");
        info.PictureUrl.ShouldBe("https://obs.line-apps.com/x");
        info.ChatMode.ShouldBe(BotInfoResponseChatMode.Chat);
        info.MarkAsReadMode.ShouldBe(BotInfoResponseMarkAsReadMode.Manual);
        ShouldBeBodylessBotCall(request, "getBotInfo", "GET", "/v2/bot/info");
    }

    [Trait(SpecConformance.Operation, "getGroupSummary")]
    [Fact]
    public async Task GetGroupSummaryParsesTheGroup()
    {
        Platform.SpecStub("getGroupSummary", ("groupId", GroupId)).RespondJson(
            200,
            $$"""{"groupId":"{{GroupId}}","groupName":"Group name","pictureUrl":"https://profile.line-scdn.net/g"}""");

        var (response, request) = await CallOnce(null, clients => clients.Bot.GetGroupSummaryAsync(GroupId));

        var summary = response.Value;
        summary.GroupId.ShouldBe(GroupId);
        summary.GroupName.ShouldBe("Group name");
        summary.PictureUrl.ShouldBe("https://profile.line-scdn.net/g");
        ShouldBeBodylessBotCall(request, "getGroupSummary", "GET", "/v2/bot/group/" + GroupId + "/summary");
    }

    [Trait(SpecConformance.Operation, "getGroupMemberCount")]
    [Fact]
    public async Task GetGroupMemberCountParsesTheCount()
    {
        Platform.SpecStub("getGroupMemberCount", ("groupId", GroupId)).RespondJson(200, """{"count":3}""");

        var (response, request) = await CallOnce(null, clients => clients.Bot.GetGroupMemberCountAsync(GroupId));

        response.Value.Count.ShouldBe(3);
        ShouldBeBodylessBotCall(request, "getGroupMemberCount", "GET", "/v2/bot/group/" + GroupId + "/members/count");
    }

    [Trait(SpecConformance.Operation, "getFollowers")]
    [Fact]
    public async Task GetAllFollowersWalksBothPagesWithTheStartToken()
    {
        Platform.SpecStub("getFollowers").WithPriority(2)
            .RespondJson(200, """{"userIds":["U1","U2"],"next":"yANU9IA..."}""");
        Platform.SpecStub("getFollowers").WithQueryParameter("start", "yANU9IA...").WithPriority(1)
            .RespondJson(200, """{"userIds":["U3"]}""");

        var (ids, requests) = await WalkPages(clients => clients.Bot.GetAllFollowersAsync(limit: 2));

        ids.ShouldBe(new[] { "U1", "U2", "U3" });
        ShouldBeBodylessBotCall(requests[0], "getFollowers", "GET", "/v2/bot/followers/ids", ("limit", "2"));
        ShouldBeBodylessBotCall(requests[1], "getFollowers", "GET", "/v2/bot/followers/ids", ("start", "yANU9IA..."), ("limit", "2"));
    }

    [Trait(SpecConformance.Operation, "showLoadingAnimation")]
    [Fact]
    public async Task ShowLoadingAnimationIsAcceptedWith202()
    {
        Platform.SpecStub("showLoadingAnimation").RespondJson(202, "{}", ("X-Line-Request-Id", "req-loading"));

        var (_, request) = await CallOnce("req-loading", clients => clients.Bot.ShowLoadingAnimationAsync(new ShowLoadingAnimationRequest { ChatId = UserId, LoadingSeconds = 5 }), 202);

        ShouldBeJsonBotCall(request, "showLoadingAnimation", "POST", "/v2/bot/chat/loading/start", $$"""{"chatId":"{{UserId}}","loadingSeconds":5}""");
    }

    [Trait(SpecConformance.Operation, "markMessagesAsRead")]
    [Fact]
    public async Task MarkMessagesAsReadSendsTheChatReference()
    {
        Platform.SpecStub("markMessagesAsRead").RespondStatus(200, ("X-Line-Request-Id", "req-read"));

        var (_, request) = await CallOnce("req-read", clients => clients.Bot.MarkMessagesAsReadAsync(new MarkMessagesAsReadRequest { Chat = new ChatReference { UserId = UserId } }));

        ShouldBeJsonBotCall(request, "markMessagesAsRead", "POST", "/v2/bot/message/markAsRead", $$$"""{"chat":{"userId":"{{{UserId}}}"}}""");
    }

    [Trait(SpecConformance.Operation, "issueLinkToken")]
    [Fact]
    public async Task IssueLinkTokenPostsWithoutABodyAndParsesTheToken()
    {
        var path = "/v2/bot/user/" + UserId + "/linkToken";
        Platform.SpecStub("issueLinkToken", ("userId", UserId)).RespondJson(200, """{"linkToken":"NMZTNuVrPTqlr2IF8Bnymkb7rXfYv5EY"}""");

        var (response, request) = await CallOnce(null, clients => clients.Bot.IssueLinkTokenAsync(UserId));

        response.Value.LinkToken.ShouldBe("NMZTNuVrPTqlr2IF8Bnymkb7rXfYv5EY");
        ShouldBeBodylessBotCall(request, "issueLinkToken", "POST", path);
    }

    [Trait(SpecConformance.Operation, "getMessageContent")]
    [Fact]
    public async Task GetMessageContentStreamsTheBinaryBody()
    {
        byte[] jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00, 0x01, 0xFF, 0xD9];
        Platform.SpecStub("getMessageContent", ("messageId", "325708")).RespondBinary(200, jpeg, "image/jpeg", ("X-Line-Request-Id", "req-content"));

        var request = await ShouldDownloadOnce("req-content", "image/jpeg", jpeg, clients => clients.Bot.GetMessageContentAsync("325708"));

        ShouldBeBodylessBotCall(request, "getMessageContent", "GET", "/v2/bot/message/325708/content");
    }

    [Trait(SpecConformance.Operation, "setRichMenuImage")]
    [Fact]
    public async Task SetRichMenuImageUploadsTheBytesWithTheirContentType()
    {
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0xFF];
        const string path = "/v2/bot/richmenu/richmenu-88c05ef6921ae53f8b58a25f3a65faf7/content";
        Platform.SpecStub("setRichMenuImage", ("richMenuId", "richmenu-88c05ef6921ae53f8b58a25f3a65faf7")).WithHeader("Content-Type", "image/png").RespondStatus(200, ("X-Line-Request-Id", "req-image"));
        using var content = new MemoryStream(png);

        var (_, request) = await CallOnce("req-image", clients => clients.Bot.SetRichMenuImageAsync("richmenu-88c05ef6921ae53f8b58a25f3a65faf7", content, "image/png"));

        content.CanRead.ShouldBeTrue(); // the caller keeps owning the stream
        ShouldBeBotCall(request, "setRichMenuImage", "POST", path);
        request.HasHeader("X-Line-Retry-Key").ShouldBeFalse();
        request.Header("Content-Type").ShouldBe("image/png");
        request.BodyBytes.ShouldBe(png);
    }

    [Trait(SpecConformance.Operation, "setRichMenuImage")]
    [Fact]
    public async Task SetRichMenuImageRejectsAnUnsupportedContentTypeBeforeAnyRequest()
    {
        using var content = new MemoryStream([0x47, 0x49, 0x46, 0x38]);

        var exception = await ShouldRefuseBeforeAnyRequest<ArgumentException>(clients => clients.Bot.SetRichMenuImageAsync("richmenu-88c05ef6921ae53f8b58a25f3a65faf7", content, "image/gif"));

        exception.ParamName.ShouldBe("contentType");
    }

    [Trait(SpecConformance.Operation, "pushMessage")]
    [Fact]
    public async Task PushAnsweredWith409AndAnAcceptedRequestIdIsAlreadyAccepted()
    {
        const string key = "123e4567-e89b-12d3-a456-426614174000";
        Platform.SpecStub("pushMessage").WithHeader("X-Line-Retry-Key", key).RespondJson(
            409,
            """{"message":"The retry key is already accepted","sentMessages":[{"id":"461230966842064897","quoteToken":"IStG5h1Tz7b"}]}""",
            ("X-Line-Request-Id", "req-second"),
            ("X-Line-Accepted-Request-Id", "req-first"));

        var (response, request) = await CallOnce(
            "req-second",
            clients => clients.Bot.PushMessageAsync(new PushMessageRequest { To = UserId, Messages = [new TextMessage { Text = "Hello" }] }, retryKey: key),
            409);

        response.AlreadyAccepted.ShouldBeTrue();
        response.AcceptedRequestId.ShouldBe("req-first");
        var sent = response.Value.SentMessages.ShouldHaveSingleItem();
        sent.Id.ShouldBe("461230966842064897");
        sent.QuoteToken.ShouldBe("IStG5h1Tz7b");
        request.ShouldConformTo("pushMessage");
        request.Header("X-Line-Retry-Key").ShouldBe(key);
        ShouldCarryBotAuth(request);
    }

    [Trait(SpecConformance.Operation, "pushMessage")]
    [Fact]
    public async Task PushAnsweredWith400BecomesLineApiExceptionWithDetails()
    {
        Platform.SpecStub("pushMessage").RespondJson(
            400,
            """{"message":"The request body has 2 error(s)","details":[{"message":"May not be empty","property":"messages[0].text"},{"message":"Must be one of the following values: [text, image, video, audio, location, sticker, template, imagemap]","property":"messages[1].type"}]}""",
            ("X-Line-Request-Id", "req-400"));
        using var clients = new MessagingApiClients(Platform);

        var exception = await Should.ThrowAsync<LineApiException>(() => clients.Bot.PushMessageAsync(
            new PushMessageRequest { To = UserId, Messages = [new TextMessage { Text = "Hello" }, new TextMessage { Text = "World" }] }));

        ShouldBeLineError(
            exception,
            400,
            "pushMessage",
            "req-400",
            "The request body has 2 error(s)",
            "messages[0].text: May not be empty",
            "messages[1].type: Must be one of the following values: [text, image, video, audio, location, sticker, template, imagemap]");
        Platform.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task PushWithAnEmptyTextIsRejectedBeforeAnyRequest()
    {
        var exception = await ShouldRefuseBeforeAnyRequest<ArgumentOutOfRangeException>(clients => clients.Bot.PushMessageAsync(
            new PushMessageRequest { To = UserId, Messages = [new TextMessage { Text = "" }] }));

        exception.ParamName.ShouldBe("TextMessage.Text");
        exception.Message.ShouldContain("between 1 and 5000");
    }

    [Fact]
    public async Task PushWithMoreThanFiveMessagesIsRejectedBeforeAnyRequest()
    {
        var messages = Enumerable.Range(1, 6).Select(i => (Message)new TextMessage { Text = "message " + i }).ToList();

        var exception = await ShouldRefuseBeforeAnyRequest<ArgumentOutOfRangeException>(clients => clients.Bot.PushMessageAsync(
            new PushMessageRequest { To = UserId, Messages = messages }));

        exception.ParamName.ShouldBe("PushMessageRequest.Messages");
        exception.ActualValue.ShouldBe(6);
    }

    [Fact]
    public async Task ANestedTemplatePropertyBreakingItsPatternIsRejectedBeforeAnyRequest()
    {
        var template = new TemplateMessage
        {
            AltText = "Menu",
            Template = new ButtonsTemplate
            {
                Text = "Pick one",
                ImageBackgroundColor = "white",
                Actions = [new MessageAction { Label = "Yes", Text = "yes" }],
            },
        };

        var exception = await ShouldRefuseBeforeAnyRequest<ArgumentException>(clients => clients.Bot.PushMessageAsync(
            new PushMessageRequest { To = UserId, Messages = [template] }));

        exception.ParamName.ShouldBe("ButtonsTemplate.ImageBackgroundColor");
    }
}
