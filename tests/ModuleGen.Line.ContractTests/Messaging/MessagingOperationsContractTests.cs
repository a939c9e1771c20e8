using System;
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

/// <summary>
/// Webhook settings, read receipts by token, LINE notification messages, statistics, message validation, aggregation
/// units and message content status of a bot-scoped Messaging API client, asserted on what WireMock received and on the
/// parsed responses.
/// </summary>
[Collection(LinePlatformCollection.Name)]
public sealed class MessagingOperationsContractTests(LinePlatformFixture fixture) : ContractTest(fixture)
{
    private const string WebhookUrl = "https://module.example.com/line/webhook";

    /// <summary>The wire form of <see cref="EveryMessageKind"/>.</summary>
    private const string EveryMessageKindJson = """
        {"messages":[
          {"type":"text","text":"$ Your order is ready! $",
           "emojis":[{"index":0,"productId":"5ac1bfd5040ab15980c9b435","emojiId":"001"},{"index":23,"productId":"5ac1bfd5040ab15980c9b435","emojiId":"002"}],
           "quoteToken":"q3Plxr4AgKd",
           "quickReply":{"items":[
             {"type":"action","imageUrl":"https://example.com/icons/now.png","action":{"type":"message","label":"Pick up now","text":"Pick up now"}},
             {"type":"action","action":{"type":"postback","label":"Later","data":"pickup=later","displayText":"Later","inputOption":"openKeyboard","fillInText":"Pick up at "}}]},
           "sender":{"name":"Cafe bot","iconUrl":"https://example.com/icons/cafe.png"}},
          {"type":"flex","altText":"Order 1042 is ready",
           "contents":{"type":"bubble","size":"kilo","direction":"ltr",
             "hero":{"type":"image","url":"https://example.com/images/order-1042.png","size":"full","aspectRatio":"20:13","aspectMode":"cover"},
             "body":{"type":"box","layout":"vertical","spacing":"md","contents":[
               {"type":"text","text":"Order 1042","weight":"bold","size":"xl"},
               {"type":"text","text":"Ready for pickup at the counter.","wrap":true,"color":"#666666"}]},
             "footer":{"type":"box","layout":"vertical","contents":[
               {"type":"button","style":"primary","action":{"type":"uri","label":"Show receipt","uri":"https://example.com/orders/1042","altUri":{"desktop":"https://example.com/orders/1042?view=desktop"}}}]},
             "styles":{"footer":{"separator":true,"separatorColor":"#DDDDDD"}}}},
          {"type":"template","altText":"When will you pick up order 1042?",
           "template":{"type":"buttons","thumbnailImageUrl":"https://example.com/images/cafe.jpg","imageAspectRatio":"rectangle","imageSize":"cover",
             "imageBackgroundColor":"#FFFFFF","title":"Pickup","text":"When will you pick up your order?",
             "defaultAction":{"type":"uri","label":"View order","uri":"https://example.com/orders/1042"},
             "actions":[
               {"type":"postback","label":"In 10 minutes","data":"pickup=10","displayText":"In 10 minutes"},
               {"type":"message","label":"Cancel","text":"Cancel my order"}]}}]}
        """;

    [Trait(SpecConformance.Operation, "getWebhookEndpoint")]
    [Fact]
    public async Task GetWebhookEndpointParsesTheEndpointAndWhetherWebhooksAreActive()
    {
        Platform.BotStub("getWebhookEndpoint")
            .RespondJson(200, $$"""{"endpoint":"{{WebhookUrl}}","active":true}""", ("X-Line-Request-Id", "req-webhook-get"));

        var (response, request) = await CallOnce("req-webhook-get", clients => clients.Bot.GetWebhookEndpointAsync());

        response.Value.Endpoint.ShouldBe(WebhookUrl);
        response.Value.Active.ShouldBeTrue();
        response.Value.AdditionalProperties.ShouldBeEmpty();
        ShouldBeBodylessBotCall(request, "getWebhookEndpoint", "GET", "/v2/bot/channel/webhook/endpoint");
    }

    [Trait(SpecConformance.Operation, "setWebhookEndpoint")]
    [Fact]
    public async Task SetWebhookEndpointPutsTheUrl()
    {
        Platform.BotStub("setWebhookEndpoint")
            .RespondStatus(200, ("X-Line-Request-Id", "req-webhook-set"));

        var (_, request) = await CallOnce(
            "req-webhook-set",
            clients => clients.Bot.SetWebhookEndpointAsync(new SetWebhookEndpointRequest { Endpoint = WebhookUrl }));

        ShouldBeJsonBotCall(request, "setWebhookEndpoint", "PUT", "/v2/bot/channel/webhook/endpoint", $$"""{"endpoint":"{{WebhookUrl}}"}""");
    }

    [Trait(SpecConformance.Operation, "testWebhookEndpoint")]
    [Fact]
    public async Task TestWebhookEndpointSendsTheGivenUrlAndParsesEveryResultField()
    {
        const string testUrl = "https://module.example.com/line/webhook-test";

        var request = await ShouldTestTheWebhookSuccessfully(
            SpecBody.AsSpecified,
            "req-webhook-test",
            bot => bot.TestWebhookEndpointAsync(new TestWebhookEndpointRequest { Endpoint = testUrl }));

        ShouldBeJsonBotCall(request, "testWebhookEndpoint", "POST", "/v2/bot/channel/webhook/test", $$"""{"endpoint":"{{testUrl}}"}""");
    }

    [Trait(SpecConformance.Operation, "testWebhookEndpoint")]
    [Fact]
    public async Task TestWebhookEndpointWithoutARequestSendsNoBodyAtAll()
    {
        var request = await ShouldTestTheWebhookSuccessfully(SpecBody.Omitted, "req-webhook-test-default", bot => bot.TestWebhookEndpointAsync());

        ShouldBeBodylessBotCall(request, "testWebhookEndpoint", "POST", "/v2/bot/channel/webhook/test");
    }

    [Trait(SpecConformance.Operation, "markMessagesAsReadByToken")]
    [Fact]
    public async Task MarkMessagesAsReadByTokenSendsTheTokenOfTheReceivedMessage()
    {
        const string markAsReadToken = "30yhdy232M2GJ3h1Trs6uyLpZ9cWOlvGU4pR9pAq3mRy7cg7FWWBLaxBvgIu";
        Platform.BotStub("markMessagesAsReadByToken")
            .RespondStatus(200, ("X-Line-Request-Id", "req-read-token"));

        var (_, request) = await CallOnce(
            "req-read-token",
            clients => clients.Bot.MarkMessagesAsReadByTokenAsync(new MarkMessagesAsReadByTokenRequest { MarkAsReadToken = markAsReadToken }));

        ShouldBeJsonBotCall(request, "markMessagesAsReadByToken", "POST", "/v2/bot/chat/markAsRead", $$"""{"markAsReadToken":"{{markAsReadToken}}"}""");
    }

    [Trait(SpecConformance.Operation, "pushMessagesByPhone")]
    [Fact]
    public async Task PushMessagesByPhoneSendsTheDeliveryTagHeaderAndTheMessages()
    {
        const string deliveryTag = "order-1042-ready";
        Platform.BotStub("pushMessagesByPhone")
            .WithHeader("X-Line-Delivery-Tag", deliveryTag)
            .RespondStatus(200, ("X-Line-Request-Id", "req-pnp"));

        var (_, request) = await CallOnce("req-pnp", clients => clients.Bot.PushMessagesByPhoneAsync(
            new PnpMessagesRequest
            {
                To = "+818000001234",
                Messages = [new TextMessage { Text = "Your order 1042 is ready for pickup." }],
                NotificationDisabled = true,
            },
            deliveryTag: deliveryTag));

        ShouldBeJsonBotCall(
            request,
            "pushMessagesByPhone",
            "POST",
            "/bot/pnp/push",
            """{"to":"+818000001234","messages":[{"type":"text","text":"Your order 1042 is ready for pickup."}],"notificationDisabled":true}""");
        request.Header("X-Line-Delivery-Tag").ShouldBe(deliveryTag);
    }

    [Trait(SpecConformance.Operation, "pushMessagesByPhone")]
    [Fact]
    public async Task PushMessagesByPhoneWithoutADeliveryTagSendsNoDeliveryTagHeader()
    {
        Platform.BotStub("pushMessagesByPhone")
            .WithoutHeader("X-Line-Delivery-Tag")
            .RespondStatus(200, ("X-Line-Request-Id", "req-pnp-untagged"));

        var (_, request) = await CallOnce("req-pnp-untagged", clients => clients.Bot.PushMessagesByPhoneAsync(new PnpMessagesRequest
        {
            To = "+818000001234",
            Messages = [new TextMessage { Text = "Thanks for your order." }],
            NotificationDisabled = false,
        }));

        ShouldBeJsonBotCall(
            request,
            "pushMessagesByPhone",
            "POST",
            "/bot/pnp/push",
            """{"to":"+818000001234","messages":[{"type":"text","text":"Thanks for your order."}],"notificationDisabled":false}""");
        request.HasHeader("X-Line-Delivery-Tag").ShouldBeFalse();
    }

    [Trait(SpecConformance.Operation, "pushMessagesByPhone")]
    [Fact]
    public async Task PushMessagesByPhoneRejectsADeliveryTagOver100CharactersBeforeAnyRequest()
    {
        var exception = await ShouldRefuseBeforeAnyRequest<ArgumentException>(clients => clients.Bot.PushMessagesByPhoneAsync(
            new PnpMessagesRequest { To = "+818000001234", Messages = [new TextMessage { Text = "Hello" }] },
            deliveryTag: new string('t', 101)));

        exception.ParamName.ShouldBe("deliveryTag");
    }

    [Trait(SpecConformance.Operation, "pushMessagesByPhone")]
    [Fact]
    public async Task PushMessagesByPhoneAnsweredWith422BecomesLineApiExceptionWithLinesReason()
    {
        Platform.SpecStub("pushMessagesByPhone").RespondJson(
            422,
            """{"message":"The phone number is not registered with LINE"}""",
            ("X-Line-Request-Id", "req-pnp-422"));
        using var clients = new MessagingApiClients(Platform);

        var exception = await Should.ThrowAsync<LineApiException>(() => clients.Bot.PushMessagesByPhoneAsync(
            new PnpMessagesRequest { To = "+818000009999", Messages = [new TextMessage { Text = "Hello" }] }));

        ShouldBeLineError(exception, 422, "pushMessagesByPhone", "req-pnp-422", "The phone number is not registered with LINE");
        Platform.Requests.ShouldHaveSingleItem().ShouldConformTo("pushMessagesByPhone");
    }

    [Trait(SpecConformance.Operation, "getMessageQuotaConsumption")]
    [Fact]
    public async Task GetMessageQuotaConsumptionParsesTheTotalUsage()
    {
        Platform.BotStub("getMessageQuotaConsumption")
            .RespondJson(200, """{"totalUsage":500}""", ("X-Line-Request-Id", "req-consumption"));

        var (response, request) = await CallOnce("req-consumption", clients => clients.Bot.GetMessageQuotaConsumptionAsync());

        response.Value.TotalUsage.ShouldBe(500L);
        response.Value.AdditionalProperties.ShouldBeEmpty();
        ShouldBeBodylessBotCall(request, "getMessageQuotaConsumption", "GET", "/v2/bot/message/quota/consumption");
    }

    [Trait(SpecConformance.Operation, "getNumberOfSentReplyMessages")]
    [Fact]
    public Task GetNumberOfSentReplyMessagesSendsTheDayAndParsesTheCount() =>
        ShouldCountTheMessagesSentOnTheDay("getNumberOfSentReplyMessages", "/v2/bot/message/delivery/reply", (bot, date) => bot.GetNumberOfSentReplyMessagesAsync(date));

    [Trait(SpecConformance.Operation, "getNumberOfSentReplyMessages")]
    [Fact]
    public async Task GetNumberOfSentReplyMessagesRejectsADayNotWrittenAsYyyyMMddBeforeAnyRequest()
    {
        var exception = await ShouldRefuseBeforeAnyRequest<ArgumentException>(clients => clients.Bot.GetNumberOfSentReplyMessagesAsync("2024-03-15"));

        exception.ParamName.ShouldBe("date");
    }

    [Trait(SpecConformance.Operation, "getNumberOfSentReplyMessages")]
    [Fact]
    public async Task GetNumberOfSentReplyMessagesOfADayStillBeingCountedIsUnreadyWithoutACount()
    {
        Platform.SpecStub("getNumberOfSentReplyMessages")
            .WithQueryParameter("date", "20240316")
            .RespondJson(200, """{"status":"unready"}""", ("X-Line-Request-Id", "req-unready"));

        var (response, request) = await CallOnce("req-unready", clients => clients.Bot.GetNumberOfSentReplyMessagesAsync("20240316"));

        response.Value.Status.ShouldBe(NumberOfMessagesResponseStatus.Unready);
        response.Value.Success.ShouldBeNull();
        response.Value.AdditionalProperties.ShouldBeEmpty();
        request.ShouldConformTo("getNumberOfSentReplyMessages");
        request.Query["date"].ShouldBe(new[] { "20240316" });
    }

    [Trait(SpecConformance.Operation, "getNumberOfSentPushMessages")]
    [Fact]
    public Task GetNumberOfSentPushMessagesSendsTheDayAndParsesTheCount() =>
        ShouldCountTheMessagesSentOnTheDay("getNumberOfSentPushMessages", "/v2/bot/message/delivery/push", (bot, date) => bot.GetNumberOfSentPushMessagesAsync(date));

    [Trait(SpecConformance.Operation, "getNumberOfSentMulticastMessages")]
    [Fact]
    public Task GetNumberOfSentMulticastMessagesSendsTheDayAndParsesTheCount() =>
        ShouldCountTheMessagesSentOnTheDay("getNumberOfSentMulticastMessages", "/v2/bot/message/delivery/multicast", (bot, date) => bot.GetNumberOfSentMulticastMessagesAsync(date));

    [Trait(SpecConformance.Operation, "getNumberOfSentBroadcastMessages")]
    [Fact]
    public Task GetNumberOfSentBroadcastMessagesSendsTheDayAndParsesTheCount() =>
        ShouldCountTheMessagesSentOnTheDay("getNumberOfSentBroadcastMessages", "/v2/bot/message/delivery/broadcast", (bot, date) => bot.GetNumberOfSentBroadcastMessagesAsync(date));

    [Trait(SpecConformance.Operation, "getPNPMessageStatistics")]
    [Fact]
    public Task GetPnpMessageStatisticsSendsTheDayAndParsesTheCount() =>
        ShouldCountTheMessagesSentOnTheDay("getPNPMessageStatistics", "/v2/bot/message/delivery/pnp", (bot, date) => bot.GetPnpMessageStatisticsAsync(date));

    [Trait(SpecConformance.Operation, "validatePush")]
    [Fact]
    public Task ValidatePushSendsTextWithEmojisAFlexBubbleAndATemplateThatConformToTheSchema() =>
        ShouldValidateEveryMessageKind("validatePush", "/v2/bot/message/validate/push", (bot, request) => bot.ValidatePushAsync(request));

    [Trait(SpecConformance.Operation, "validateReply")]
    [Fact]
    public Task ValidateReplySendsTextWithEmojisAFlexBubbleAndATemplateThatConformToTheSchema() =>
        ShouldValidateEveryMessageKind("validateReply", "/v2/bot/message/validate/reply", (bot, request) => bot.ValidateReplyAsync(request));

    [Trait(SpecConformance.Operation, "validateMulticast")]
    [Fact]
    public Task ValidateMulticastSendsTextWithEmojisAFlexBubbleAndATemplateThatConformToTheSchema() =>
        ShouldValidateEveryMessageKind("validateMulticast", "/v2/bot/message/validate/multicast", (bot, request) => bot.ValidateMulticastAsync(request));

    [Trait(SpecConformance.Operation, "validateNarrowcast")]
    [Fact]
    public Task ValidateNarrowcastSendsTextWithEmojisAFlexBubbleAndATemplateThatConformToTheSchema() =>
        ShouldValidateEveryMessageKind("validateNarrowcast", "/v2/bot/message/validate/narrowcast", (bot, request) => bot.ValidateNarrowcastAsync(request));

    [Trait(SpecConformance.Operation, "validateBroadcast")]
    [Fact]
    public Task ValidateBroadcastSendsTextWithEmojisAFlexBubbleAndATemplateThatConformToTheSchema() =>
        ShouldValidateEveryMessageKind("validateBroadcast", "/v2/bot/message/validate/broadcast", (bot, request) => bot.ValidateBroadcastAsync(request));

    [Trait(SpecConformance.Operation, "validatePush")]
    [Fact]
    public async Task ValidatePushAnsweredWith400ReportsEveryInvalidPropertyAsLineApiException()
    {
        // LINE judges more than the schema (here an emoji index that points at no `$`), so the body conforms and LINE still answers 400.
        Platform.Stub("validatePush").RespondJson(
            400,
            """{"message":"The request body has 1 error(s)","details":[{"message":"The emoji index does not point to a $ character","property":"messages[0].emojis[0].index"}]}""",
            ("X-Line-Request-Id", "req-validate-400"));
        using var clients = new MessagingApiClients(Platform);

        var exception = await Should.ThrowAsync<LineApiException>(() => clients.Bot.ValidatePushAsync(new ValidateMessageRequest
        {
            Messages = [new TextMessage { Text = "No placeholder here", Emojis = [new Emoji { Index = 3, ProductId = "5ac1bfd5040ab15980c9b435", EmojiId = "001" }] }],
        }));

        ShouldBeLineError(
            exception,
            400,
            "validatePush",
            "req-validate-400",
            "The request body has 1 error(s)",
            "messages[0].emojis[0].index: The emoji index does not point to a $ character");
        Platform.Requests.ShouldHaveSingleItem().ShouldConformTo("validatePush");
    }

    [Trait(SpecConformance.Operation, "getAggregationUnitUsage")]
    [Fact]
    public async Task GetAggregationUnitUsageParsesTheNumberOfUnitsUsedThisMonth()
    {
        Platform.BotStub("getAggregationUnitUsage")
            .RespondJson(200, """{"numOfCustomAggregationUnits":22}""", ("X-Line-Request-Id", "req-aggregation-info"));

        var (response, request) = await CallOnce("req-aggregation-info", clients => clients.Bot.GetAggregationUnitUsageAsync());

        response.Value.NumOfCustomAggregationUnits.ShouldBe(22L);
        response.Value.AdditionalProperties.ShouldBeEmpty();
        ShouldBeBodylessBotCall(request, "getAggregationUnitUsage", "GET", "/v2/bot/message/aggregation/info");
    }

    [Trait(SpecConformance.Operation, "getAggregationUnitNameList")]
    [Fact]
    public async Task GetAggregationUnitNameListSendsLimitAndStartAndParsesThePage()
    {
        Platform.BotStub("getAggregationUnitNameList")
            .WithQueryParameter("limit", "2")
            .WithQueryParameter("start", "jxEWCEEP")
            .RespondJson(200, """{"customAggregationUnits":["promotion_b","promotion_c"],"next":"kyFXDFFQ"}""", ("X-Line-Request-Id", "req-aggregation-list"));

        var (response, request) = await CallOnce("req-aggregation-list", clients => clients.Bot.GetAggregationUnitNameListAsync(limit: "2", start: "jxEWCEEP"));

        response.Value.CustomAggregationUnits.ShouldBe(new[] { "promotion_b", "promotion_c" });
        response.Value.Next.ShouldBe("kyFXDFFQ");
        response.Value.AdditionalProperties.ShouldBeEmpty();
        ShouldBeBodylessBotCall(request, "getAggregationUnitNameList", "GET", "/v2/bot/message/aggregation/list", ("limit", "2"), ("start", "jxEWCEEP"));
    }

    [Trait(SpecConformance.Operation, "getAggregationUnitNameList")]
    [Fact]
    public async Task GetAllAggregationUnitNamesWalksBothPagesWithTheStartToken()
    {
        Platform.SpecStub("getAggregationUnitNameList").WithQueryParameter("limit", "2").WithPriority(2)
            .RespondJson(200, """{"customAggregationUnits":["promotion_a","promotion_b"],"next":"jxEWCEEP"}""", ("X-Line-Request-Id", "req-page-1"));
        Platform.SpecStub("getAggregationUnitNameList").WithQueryParameter("limit", "2").WithQueryParameter("start", "jxEWCEEP").WithPriority(1)
            .RespondJson(200, """{"customAggregationUnits":["promotion_c"]}""", ("X-Line-Request-Id", "req-page-2"));

        var (names, requests) = await WalkPages(clients => clients.Bot.GetAllAggregationUnitNamesAsync(limit: "2"));

        names.ShouldBe(new[] { "promotion_a", "promotion_b", "promotion_c" });
        ShouldBeBodylessBotCall(requests[0], "getAggregationUnitNameList", "GET", "/v2/bot/message/aggregation/list", ("limit", "2"));
        ShouldBeBodylessBotCall(requests[1], "getAggregationUnitNameList", "GET", "/v2/bot/message/aggregation/list", ("limit", "2"), ("start", "jxEWCEEP"));
    }

    [Trait(SpecConformance.Operation, "getMessageContentPreview")]
    [Fact]
    public async Task GetMessageContentPreviewStreamsThePreviewImage()
    {
        byte[] jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0xFF, 0xD9];
        Platform.BotStub("getMessageContentPreview", ("messageId", "468789577898262530"))
            .RespondBinary(200, jpeg, "image/jpeg", ("X-Line-Request-Id", "req-preview"));

        var request = await ShouldDownloadOnce("req-preview", "image/jpeg", jpeg, clients => clients.Bot.GetMessageContentPreviewAsync("468789577898262530"));

        ShouldBeBodylessBotCall(request, "getMessageContentPreview", "GET", "/v2/bot/message/468789577898262530/content/preview");
    }

    [Trait(SpecConformance.Operation, "getMessageContentTranscodingByMessageId")]
    [Fact]
    public async Task GetMessageContentTranscodingByMessageIdParsesTheStatus()
    {
        Platform.BotStub("getMessageContentTranscodingByMessageId", ("messageId", "468789577898262530"))
            .RespondJson(200, """{"status":"succeeded"}""", ("X-Line-Request-Id", "req-transcoding"));

        var (response, request) = await CallOnce("req-transcoding", clients => clients.Bot.GetMessageContentTranscodingByMessageIdAsync("468789577898262530"));

        response.Value.Status.ShouldBe(GetMessageContentTranscodingResponseStatus.Succeeded);
        response.Value.Status.IsKnown.ShouldBeTrue();
        response.Value.AdditionalProperties.ShouldBeEmpty();
        ShouldBeBodylessBotCall(request, "getMessageContentTranscodingByMessageId", "GET", "/v2/bot/message/468789577898262530/content/transcoding");
    }

    [Trait(SpecConformance.Operation, "getMessageContentTranscodingByMessageId")]
    [Fact]
    public async Task GetMessageContentTranscodingByMessageIdEscapesReservedCharactersInTheMessageId()
    {
        Platform.SpecStub("getMessageContentTranscodingByMessageId", ("messageId", "a/b c")).RespondJson(200, """{"status":"processing"}""");
        using var clients = new MessagingApiClients(Platform);

        (await clients.Bot.GetMessageContentTranscodingByMessageIdAsync("a/b c")).Value.Status.ShouldBe(GetMessageContentTranscodingResponseStatus.Processing);

        Platform.Requests.ShouldHaveSingleItem().Url.ShouldBe("/v2/bot/message/a%2Fb%20c/content/transcoding");
    }

    /// <summary>A text with LINE emojis, a quick reply and a sender; a Flex bubble; a buttons template.</summary>
    private static ValidateMessageRequest EveryMessageKind() => new()
    {
        Messages =
        [
            new TextMessage
            {
                Text = "$ Your order is ready! $",
                Emojis =
                [
                    new Emoji { Index = 0, ProductId = "5ac1bfd5040ab15980c9b435", EmojiId = "001" },
                    new Emoji { Index = 23, ProductId = "5ac1bfd5040ab15980c9b435", EmojiId = "002" },
                ],
                QuoteToken = "q3Plxr4AgKd",
                QuickReply = new QuickReply
                {
                    Items =
                    [
                        new QuickReplyItem { ImageUrl = "https://example.com/icons/now.png", Action = new MessageAction { Label = "Pick up now", Text = "Pick up now" } },
                        new QuickReplyItem
                        {
                            Action = new PostbackAction
                            {
                                Label = "Later",
                                Data = "pickup=later",
                                DisplayText = "Later",
                                InputOption = PostbackActionInputOption.OpenKeyboard,
                                FillInText = "Pick up at ",
                            },
                        },
                    ],
                },
                Sender = new Sender { Name = "Cafe bot", IconUrl = "https://example.com/icons/cafe.png" },
            },
            new FlexMessage
            {
                AltText = "Order 1042 is ready",
                Contents = new FlexBubble
                {
                    Size = FlexBubbleSize.Kilo,
                    Direction = FlexBubbleDirection.Ltr,
                    Hero = new FlexImage { Url = "https://example.com/images/order-1042.png", Size = "full", AspectRatio = "20:13", AspectMode = FlexImageAspectMode.Cover },
                    Body = new FlexBox
                    {
                        Layout = FlexBoxLayout.Vertical,
                        Spacing = "md",
                        Contents =
                        [
                            new FlexText { Text = "Order 1042", Weight = FlexFontWeight.Bold, Size = "xl" },
                            new FlexText { Text = "Ready for pickup at the counter.", Wrap = true, Color = "#666666" },
                        ],
                    },
                    Footer = new FlexBox
                    {
                        Layout = FlexBoxLayout.Vertical,
                        Contents =
                        [
                            new FlexButton
                            {
                                Style = FlexButtonStyle.Primary,
                                Action = new UriAction
                                {
                                    Label = "Show receipt",
                                    Uri = "https://example.com/orders/1042",
                                    AltUri = new AltUri { Desktop = "https://example.com/orders/1042?view=desktop" },
                                },
                            },
                        ],
                    },
                    Styles = new FlexBubbleStyles { Footer = new FlexBlockStyle { Separator = true, SeparatorColor = "#DDDDDD" } },
                },
            },
            new TemplateMessage
            {
                AltText = "When will you pick up order 1042?",
                Template = new ButtonsTemplate
                {
                    ThumbnailImageUrl = "https://example.com/images/cafe.jpg",
                    ImageAspectRatio = TemplateImageAspectRatio.Rectangle,
                    ImageSize = TemplateImageSize.Cover,
                    ImageBackgroundColor = "#FFFFFF",
                    Title = "Pickup",
                    Text = "When will you pick up your order?",
                    DefaultAction = new UriAction { Label = "View order", Uri = "https://example.com/orders/1042" },
                    Actions =
                    [
                        new PostbackAction { Label = "In 10 minutes", Data = "pickup=10", DisplayText = "In 10 minutes" },
                        new MessageAction { Label = "Cancel", Text = "Cancel my order" },
                    ],
                },
            },
        ],
    };

    private async Task ShouldValidateEveryMessageKind(
        string operationId,
        string path,
        Func<MessagingApiBotClient, ValidateMessageRequest, Task<LineResponse>> validate)
    {
        Platform.BotStub(operationId)
            .RespondStatus(200, ("X-Line-Request-Id", "req-" + operationId));

        var (_, request) = await CallOnce("req-" + operationId, clients => validate(clients.Bot, EveryMessageKind()));

        ShouldBeJsonBotCall(request, operationId, "POST", path, EveryMessageKindJson);
    }

    /// <summary>A day LINE has finished counting: status ready and the number of messages sent.</summary>
    private async Task ShouldCountTheMessagesSentOnTheDay(
        string operationId,
        string path,
        Func<MessagingApiBotClient, string, Task<LineResponse<NumberOfMessagesResponse>>> count)
    {
        Platform.BotStub(operationId)
            .WithQueryParameter("date", "20240315")
            .RespondJson(200, """{"status":"ready","success":10000}""", ("X-Line-Request-Id", "req-" + operationId));

        var (response, request) = await CallOnce("req-" + operationId, clients => count(clients.Bot, "20240315"));

        response.Value.Status.ShouldBe(NumberOfMessagesResponseStatus.Ready);
        response.Value.Success.ShouldBe(10000L);
        response.Value.AdditionalProperties.ShouldBeEmpty();
        ShouldBeBodylessBotCall(request, operationId, "GET", path, ("date", "20240315"));
    }

    /// <summary>
    /// Tests the webhook (sending a body as <paramref name="body"/> says) and gets the result LINE reports when the
    /// endpoint answered the test webhook with 200; returns the one recorded request.
    /// </summary>
    private async Task<LineRecordedRequest> ShouldTestTheWebhookSuccessfully(
        SpecBody body,
        string requestId,
        Func<MessagingApiBotClient, Task<LineResponse<TestWebhookEndpointResponse>>> test)
    {
        Platform.BotStub("testWebhookEndpoint", body)
            .RespondJson(
                200,
                """{"success":true,"timestamp":"2020-09-30T05:38:20.031Z","statusCode":200,"reason":"OK","detail":"200"}""",
                ("X-Line-Request-Id", requestId));

        var (response, request) = await CallOnce(requestId, clients => test(clients.Bot));

        var result = response.Value;
        result.Success.ShouldBe(true);
        result.Timestamp.ShouldBe("2020-09-30T05:38:20.031Z");
        result.StatusCode.ShouldBe(200);
        result.Reason.ShouldBe("OK");
        result.Detail.ShouldBe("200");
        result.AdditionalProperties.ShouldBeEmpty();
        return request;
    }
}
