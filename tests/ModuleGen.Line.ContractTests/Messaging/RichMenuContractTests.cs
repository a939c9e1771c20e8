using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using ModuleGen.Line.Models;
using ModuleGen.Line.Testing;
using ModuleGen.Line.Testing.Spec;
using Shouldly;
using Xunit;
using static ModuleGen.Line.ContractTests.Messaging.MessagingApiClients;
using static ModuleGen.Line.ContractTests.SpecConformance;

namespace ModuleGen.Line.ContractTests.Messaging;

/// <summary>Rich menu, rich menu alias and rich menu batch operations of a bot-scoped client, asserted on what WireMock received and on the parsed responses.</summary>
[Collection(LinePlatformCollection.Name)]
public sealed class RichMenuContractTests(LinePlatformFixture fixture) : ContractTest(fixture)
{
    private const string RichMenuId = "richmenu-88c05ef6921ae53f8b58a25f3a65faf7";
    private const string OtherRichMenuId = "richmenu-5bf10d2e4e0bde0e1e7a9b8c7d6e5f40";
    private const string AliasId = "richmenu-alias-a";
    private const string OtherAliasId = "richmenu-alias-b";

    /// <summary>A 3×2 rich menu whose six areas use the postback (current and legacy text form), uri, message, richmenuswitch and datetimepicker actions.</summary>
    private const string MainMenuJson = """
        {
          "size": { "width": 2500, "height": 1686 },
          "selected": true,
          "name": "Main menu (winter 2025)",
          "chatBarText": "Tap to open",
          "areas": [
            { "bounds": { "x": 0, "y": 0, "width": 833, "height": 843 },
              "action": { "type": "postback", "label": "Reserve", "data": "action=reserve&menu=main", "displayText": "Make a reservation", "inputOption": "openKeyboard", "fillInText": "Party of 2 at 7pm" } },
            { "bounds": { "x": 833, "y": 0, "width": 833, "height": 843 },
              "action": { "type": "postback", "label": "Coupons", "data": "action=coupons", "text": "Show my coupons", "inputOption": "closeRichMenu" } },
            { "bounds": { "x": 1666, "y": 0, "width": 834, "height": 843 },
              "action": { "type": "uri", "label": "Menu", "uri": "https://example.com/menu?lang=en", "altUri": { "desktop": "https://example.com/menu?lang=en&view=desktop" } } },
            { "bounds": { "x": 0, "y": 843, "width": 833, "height": 843 },
              "action": { "type": "message", "label": "Hours", "text": "What are your opening hours?" } },
            { "bounds": { "x": 833, "y": 843, "width": 833, "height": 843 },
              "action": { "type": "richmenuswitch", "label": "More", "data": "richmenu-changed-to-b", "richMenuAliasId": "richmenu-alias-b" } },
            { "bounds": { "x": 1666, "y": 843, "width": 834, "height": 843 },
              "action": { "type": "datetimepicker", "label": "Pick a time", "data": "action=pick-time", "mode": "datetime", "initial": "2025-12-24T18:00", "max": "2026-03-31T23:59", "min": "2025-12-01T00:00" } }
          ]
        }
        """;

    private const string BatchResumeKey = "winter-2025_switch";

    private const string BatchJson = $$"""
        {"operations":[{"type":"link","from":"{{RichMenuId}}","to":"{{OtherRichMenuId}}"},{"type":"unlink","from":"{{OtherRichMenuId}}"},{"type":"unlinkAll"}],
         "resumeRequestKey":"{{BatchResumeKey}}"}
        """;

    [Trait(SpecConformance.Operation, "createRichMenu")]
    [Fact]
    public async Task CreateRichMenuSendsEveryAreaWithEachActionTypeAndParsesTheNewId()
    {
        Platform.BotStub("createRichMenu")
            .RespondJson(200, $$"""{"richMenuId":"{{RichMenuId}}"}""", ("X-Line-Request-Id", "req-create-menu"));

        var (response, request) = await CallOnce("req-create-menu", clients => clients.Bot.CreateRichMenuAsync(MainMenu()));

        response.Value.RichMenuId.ShouldBe(RichMenuId);
        response.Value.AdditionalProperties.ShouldBeEmpty();
        ShouldBeJsonBotCall(request, "createRichMenu", "POST", "/v2/bot/richmenu", MainMenuJson);
    }

    [Trait(SpecConformance.Operation, "validateRichMenuObject")]
    [Fact]
    public async Task ValidateRichMenuObjectSendsTheRichMenuAndSucceedsWithoutABody()
    {
        var request = await ShouldSucceedWithoutAnAnswerBody(
            "validateRichMenuObject",
            "req-validate-menu",
            clients => clients.Bot.ValidateRichMenuObjectAsync(MainMenu()));

        ShouldBeJsonBotCall(request, "validateRichMenuObject", "POST", "/v2/bot/richmenu/validate", MainMenuJson);
    }

    [Trait(SpecConformance.Operation, "validateRichMenuObject")]
    [Fact]
    public async Task ValidateRichMenuObjectAnsweredWith400BecomesLineApiExceptionWithDetails()
    {
        // The body conforms to the spec; LINE checks more than the schema says (areas must lie inside the image).
        Platform.BotStub("validateRichMenuObject").RespondJson(
            400,
            """{"message":"The request body has 1 error(s)","details":[{"message":"The area must be within the rich menu image","property":"areas[5].bounds"}]}""",
            ("X-Line-Request-Id", "req-validate-400"));
        using var clients = new MessagingApiClients(Platform);

        var exception = await Should.ThrowAsync<LineApiException>(() => clients.Bot.ValidateRichMenuObjectAsync(MainMenu()));

        ShouldBeLineError(
            exception,
            400,
            "validateRichMenuObject",
            "req-validate-400",
            "The request body has 1 error(s)",
            "areas[5].bounds: The area must be within the rich menu image");
        ShouldBeJsonBotCall(Platform.Requests.ShouldHaveSingleItem(), "validateRichMenuObject", "POST", "/v2/bot/richmenu/validate", MainMenuJson);
    }

    [Trait(SpecConformance.Operation, "getRichMenuList")]
    [Fact]
    public async Task GetRichMenuListParsesEveryRichMenuWithItsAreas()
    {
        var richMenus = $"[{MainMenuResponseJson(RichMenuId)},{MainMenuResponseJson(OtherRichMenuId)}]";
        Platform.BotStub("getRichMenuList")
            .RespondJson(200, $$"""{"richmenus":{{richMenus}}}""", ("X-Line-Request-Id", "req-menu-list"));

        var (response, request) = await CallOnce("req-menu-list", clients => clients.Bot.GetRichMenuListAsync());

        response.Value.AdditionalProperties.ShouldBeEmpty();
        response.Value.Richmenus.Select(menu => menu.RichMenuId).ShouldBe(new[] { RichMenuId, OtherRichMenuId });
        foreach (var menu in response.Value.Richmenus)
        {
            menu.Size.Width.ShouldBe(2500);
            menu.Size.Height.ShouldBe(1686);
            menu.Selected.ShouldBeTrue();
            menu.Name.ShouldBe("Main menu (winter 2025)");
            menu.ChatBarText.ShouldBe("Tap to open");
            menu.AdditionalProperties.ShouldBeEmpty();
            ShouldBeTheMainMenuAreas(menu.Areas);
        }

        ShouldBeBodylessBotCall(request, "getRichMenuList", "GET", "/v2/bot/richmenu/list");
    }

    [Trait(SpecConformance.Operation, "getRichMenu")]
    [Fact]
    public async Task GetRichMenuParsesTheSizeTheBoundsAndEveryActionType()
    {
        Platform.BotStub("getRichMenu", ("richMenuId", RichMenuId))
            .RespondJson(200, MainMenuResponseJson(RichMenuId), ("X-Line-Request-Id", "req-get-menu"));

        var (response, request) = await CallOnce("req-get-menu", clients => clients.Bot.GetRichMenuAsync(RichMenuId));

        var menu = response.Value;
        menu.RichMenuId.ShouldBe(RichMenuId);
        menu.Size.Width.ShouldBe(2500);
        menu.Size.Height.ShouldBe(1686);
        menu.Selected.ShouldBeTrue();
        menu.Name.ShouldBe("Main menu (winter 2025)");
        menu.ChatBarText.ShouldBe("Tap to open");
        menu.AdditionalProperties.ShouldBeEmpty();
        ShouldBeTheMainMenuAreas(menu.Areas);
        ShouldBeBodylessBotCall(request, "getRichMenu", "GET", "/v2/bot/richmenu/" + Uri.EscapeDataString(RichMenuId));
    }

    [Trait(SpecConformance.Operation, "getRichMenu")]
    [Fact]
    public async Task GetRichMenuOfAnUnknownIdBecomesLineApiExceptionWith404()
    {
        Platform.BotStub("getRichMenu", ("richMenuId", OtherRichMenuId))
            .RespondJson(404, """{"message":"Not found"}""", ("X-Line-Request-Id", "req-menu-404"));
        using var clients = new MessagingApiClients(Platform);

        var exception = await Should.ThrowAsync<LineApiException>(() => clients.Bot.GetRichMenuAsync(OtherRichMenuId));

        ShouldBeLineError(exception, 404, "getRichMenu", "req-menu-404", "Not found");
        ShouldBeBodylessBotCall(Platform.Requests.ShouldHaveSingleItem(), "getRichMenu", "GET", "/v2/bot/richmenu/" + Uri.EscapeDataString(OtherRichMenuId));
    }

    [Trait(SpecConformance.Operation, "getRichMenu")]
    [Fact]
    public async Task GetRichMenuRejectsAnEmptyIdBeforeAnyRequest()
    {
        var exception = await ShouldRefuseBeforeAnyRequest<ArgumentException>(clients => clients.Bot.GetRichMenuAsync(""));

        exception.ParamName.ShouldBe("richMenuId");
    }

    [Trait(SpecConformance.Operation, "deleteRichMenu")]
    [Fact]
    public async Task DeleteRichMenuSendsADeleteWithoutABody()
    {
        var request = await ShouldSucceedWithoutAnAnswerBody(
            "deleteRichMenu",
            "req-delete-menu",
            clients => clients.Bot.DeleteRichMenuAsync(RichMenuId),
            ("richMenuId", RichMenuId));

        ShouldBeBodylessBotCall(request, "deleteRichMenu", "DELETE", "/v2/bot/richmenu/" + Uri.EscapeDataString(RichMenuId));
    }

    [Trait(SpecConformance.Operation, "getRichMenuImage")]
    [Fact]
    public async Task GetRichMenuImageStreamsTheImageBytes()
    {
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x09, 0xC4, 0x00, 0x00, 0x06, 0x96];
        Platform.BotStub("getRichMenuImage", ("richMenuId", RichMenuId))
            .RespondBinary(200, png, "image/png", ("X-Line-Request-Id", "req-menu-image"));

        var request = await ShouldDownloadOnce("req-menu-image", "image/png", png, clients => clients.Bot.GetRichMenuImageAsync(RichMenuId));

        ShouldBeBodylessBotCall(request, "getRichMenuImage", "GET", "/v2/bot/richmenu/" + Uri.EscapeDataString(RichMenuId) + "/content");
    }

    [Trait(SpecConformance.Operation, "setDefaultRichMenu")]
    [Fact]
    public async Task SetDefaultRichMenuPostsTheIdInThePathWithoutABody()
    {
        var request = await ShouldSucceedWithoutAnAnswerBody(
            "setDefaultRichMenu",
            "req-set-default",
            clients => clients.Bot.SetDefaultRichMenuAsync(RichMenuId),
            ("richMenuId", RichMenuId));

        ShouldBeBodylessBotCall(request, "setDefaultRichMenu", "POST", "/v2/bot/user/all/richmenu/" + Uri.EscapeDataString(RichMenuId));
    }

    [Trait(SpecConformance.Operation, "getDefaultRichMenuId")]
    [Fact]
    public async Task GetDefaultRichMenuIdParsesTheId()
    {
        Platform.BotStub("getDefaultRichMenuId")
            .RespondJson(200, $$"""{"richMenuId":"{{RichMenuId}}"}""", ("X-Line-Request-Id", "req-get-default"));

        var (response, request) = await CallOnce("req-get-default", clients => clients.Bot.GetDefaultRichMenuIdAsync());

        response.Value.RichMenuId.ShouldBe(RichMenuId);
        ShouldBeBodylessBotCall(request, "getDefaultRichMenuId", "GET", "/v2/bot/user/all/richmenu");
    }

    [Trait(SpecConformance.Operation, "cancelDefaultRichMenu")]
    [Fact]
    public async Task CancelDefaultRichMenuSendsADeleteWithoutABody()
    {
        var request = await ShouldSucceedWithoutAnAnswerBody("cancelDefaultRichMenu", "req-cancel-default", clients => clients.Bot.CancelDefaultRichMenuAsync());

        ShouldBeBodylessBotCall(request, "cancelDefaultRichMenu", "DELETE", "/v2/bot/user/all/richmenu");
    }

    [Trait(SpecConformance.Operation, "linkRichMenuIdToUser")]
    [Fact]
    public async Task LinkRichMenuIdToUserPostsTheUserAndTheRichMenuInThePath()
    {
        var request = await ShouldSucceedWithoutAnAnswerBody(
            "linkRichMenuIdToUser",
            "req-link-user",
            clients => clients.Bot.LinkRichMenuIdToUserAsync(UserId, RichMenuId),
            ("userId", UserId),
            ("richMenuId", RichMenuId));

        ShouldBeBodylessBotCall(
            request,
            "linkRichMenuIdToUser",
            "POST",
            "/v2/bot/user/" + Uri.EscapeDataString(UserId) + "/richmenu/" + Uri.EscapeDataString(RichMenuId));
    }

    [Trait(SpecConformance.Operation, "unlinkRichMenuIdFromUser")]
    [Fact]
    public async Task UnlinkRichMenuIdFromUserSendsADeleteForTheUser()
    {
        var request = await ShouldSucceedWithoutAnAnswerBody(
            "unlinkRichMenuIdFromUser",
            "req-unlink-user",
            clients => clients.Bot.UnlinkRichMenuIdFromUserAsync(UserId),
            ("userId", UserId));

        ShouldBeBodylessBotCall(request, "unlinkRichMenuIdFromUser", "DELETE", "/v2/bot/user/" + Uri.EscapeDataString(UserId) + "/richmenu");
    }

    [Trait(SpecConformance.Operation, "getRichMenuIdOfUser")]
    [Fact]
    public async Task GetRichMenuIdOfUserParsesTheLinkedId()
    {
        Platform.BotStub("getRichMenuIdOfUser", ("userId", UserId))
            .RespondJson(200, $$"""{"richMenuId":"{{OtherRichMenuId}}"}""", ("X-Line-Request-Id", "req-user-menu"));

        var (response, request) = await CallOnce("req-user-menu", clients => clients.Bot.GetRichMenuIdOfUserAsync(UserId));

        response.Value.RichMenuId.ShouldBe(OtherRichMenuId);
        ShouldBeBodylessBotCall(request, "getRichMenuIdOfUser", "GET", "/v2/bot/user/" + Uri.EscapeDataString(UserId) + "/richmenu");
    }

    [Trait(SpecConformance.Operation, "getRichMenuIdOfUser")]
    [Fact]
    public async Task GetRichMenuIdOfAUserWithoutOneBecomesLineApiExceptionWith404()
    {
        Platform.BotStub("getRichMenuIdOfUser", ("userId", OtherUserId))
            .RespondJson(404, """{"message":"the user has no richmenu"}""", ("X-Line-Request-Id", "req-user-menu-404"));
        using var clients = new MessagingApiClients(Platform);

        var exception = await Should.ThrowAsync<LineApiException>(() => clients.Bot.GetRichMenuIdOfUserAsync(OtherUserId));

        ShouldBeLineError(exception, 404, "getRichMenuIdOfUser", "req-user-menu-404", "the user has no richmenu");
        ShouldBeBodylessBotCall(
            Platform.Requests.ShouldHaveSingleItem(),
            "getRichMenuIdOfUser",
            "GET",
            "/v2/bot/user/" + Uri.EscapeDataString(OtherUserId) + "/richmenu");
    }

    [Trait(SpecConformance.Operation, "linkRichMenuIdToUsers")]
    [Fact]
    public async Task LinkRichMenuIdToUsersSendsEveryUserAndIsAcceptedWith202()
    {
        Platform.BotStub("linkRichMenuIdToUsers").RespondStatus(202, ("X-Line-Request-Id", "req-bulk-link"));

        var (response, request) = await CallOnce("req-bulk-link", clients => clients.Bot.LinkRichMenuIdToUsersAsync(new RichMenuBulkLinkRequest
        {
            RichMenuId = RichMenuId,
            UserIds = [UserId, OtherUserId],
        }), 202);

        response.AlreadyAccepted.ShouldBeFalse();
        ShouldBeJsonBotCall(
            request,
            "linkRichMenuIdToUsers",
            "POST",
            "/v2/bot/richmenu/bulk/link",
            $$"""{"richMenuId":"{{RichMenuId}}","userIds":["{{UserId}}","{{OtherUserId}}"]}""");
    }

    [Trait(SpecConformance.Operation, "unlinkRichMenuIdFromUsers")]
    [Fact]
    public async Task UnlinkRichMenuIdFromUsersSendsEveryUserAndIsAcceptedWith202()
    {
        Platform.BotStub("unlinkRichMenuIdFromUsers").RespondStatus(202, ("X-Line-Request-Id", "req-bulk-unlink"));

        var (response, request) = await CallOnce("req-bulk-unlink", clients => clients.Bot.UnlinkRichMenuIdFromUsersAsync(new RichMenuBulkUnlinkRequest { UserIds = [UserId, OtherUserId] }), 202);

        response.AlreadyAccepted.ShouldBeFalse();
        ShouldBeJsonBotCall(request, "unlinkRichMenuIdFromUsers", "POST", "/v2/bot/richmenu/bulk/unlink", $$"""{"userIds":["{{UserId}}","{{OtherUserId}}"]}""");
    }

    [Trait(SpecConformance.Operation, "createRichMenuAlias")]
    [Fact]
    public async Task CreateRichMenuAliasSendsTheAliasAndTheRichMenuId()
    {
        var request = await ShouldSucceedWithoutAnAnswerBody(
            "createRichMenuAlias",
            "req-create-alias",
            clients => clients.Bot.CreateRichMenuAliasAsync(new CreateRichMenuAliasRequest { RichMenuAliasId = AliasId, RichMenuId = RichMenuId }));

        ShouldBeJsonBotCall(request, "createRichMenuAlias", "POST", "/v2/bot/richmenu/alias", $$"""{"richMenuAliasId":"{{AliasId}}","richMenuId":"{{RichMenuId}}"}""");
    }

    [Trait(SpecConformance.Operation, "deleteRichMenuAlias")]
    [Fact]
    public async Task DeleteRichMenuAliasSendsADeleteForTheAlias()
    {
        var request = await ShouldSucceedWithoutAnAnswerBody(
            "deleteRichMenuAlias",
            "req-delete-alias",
            clients => clients.Bot.DeleteRichMenuAliasAsync(AliasId),
            ("richMenuAliasId", AliasId));

        ShouldBeBodylessBotCall(request, "deleteRichMenuAlias", "DELETE", "/v2/bot/richmenu/alias/" + Uri.EscapeDataString(AliasId));
    }

    [Trait(SpecConformance.Operation, "updateRichMenuAlias")]
    [Fact]
    public async Task UpdateRichMenuAliasPointsTheAliasInThePathAtAnotherRichMenu()
    {
        var request = await ShouldSucceedWithoutAnAnswerBody(
            "updateRichMenuAlias",
            "req-update-alias",
            clients => clients.Bot.UpdateRichMenuAliasAsync(AliasId, new UpdateRichMenuAliasRequest { RichMenuId = OtherRichMenuId }),
            ("richMenuAliasId", AliasId));

        ShouldBeJsonBotCall(
            request,
            "updateRichMenuAlias",
            "POST",
            "/v2/bot/richmenu/alias/" + Uri.EscapeDataString(AliasId),
            $$"""{"richMenuId":"{{OtherRichMenuId}}"}""");
    }

    [Trait(SpecConformance.Operation, "getRichMenuAlias")]
    [Fact]
    public async Task GetRichMenuAliasParsesTheAliasAndItsRichMenu()
    {
        Platform.BotStub("getRichMenuAlias", ("richMenuAliasId", AliasId))
            .RespondJson(200, $$"""{"richMenuAliasId":"{{AliasId}}","richMenuId":"{{RichMenuId}}"}""", ("X-Line-Request-Id", "req-get-alias"));

        var (response, request) = await CallOnce("req-get-alias", clients => clients.Bot.GetRichMenuAliasAsync(AliasId));

        response.Value.RichMenuAliasId.ShouldBe(AliasId);
        response.Value.RichMenuId.ShouldBe(RichMenuId);
        response.Value.AdditionalProperties.ShouldBeEmpty();
        ShouldBeBodylessBotCall(request, "getRichMenuAlias", "GET", "/v2/bot/richmenu/alias/" + Uri.EscapeDataString(AliasId));
    }

    [Trait(SpecConformance.Operation, "getRichMenuAliasList")]
    [Fact]
    public async Task GetRichMenuAliasListParsesEveryAliasAndTheMenuItPointsTo()
    {
        const string aliases = $$"""[{"richMenuAliasId":"{{AliasId}}","richMenuId":"{{RichMenuId}}"},{"richMenuAliasId":"{{OtherAliasId}}","richMenuId":"{{OtherRichMenuId}}"}]""";
        Platform.BotStub("getRichMenuAliasList")
            .RespondJson(200, $$"""{"aliases":{{aliases}}}""", ("X-Line-Request-Id", "req-alias-list"));

        var (response, request) = await CallOnce("req-alias-list", clients => clients.Bot.GetRichMenuAliasListAsync());

        response.Value.AdditionalProperties.ShouldBeEmpty();
        response.Value.Aliases.Select(alias => (alias.RichMenuAliasId, alias.RichMenuId))
            .ShouldBe(new[] { (AliasId, RichMenuId), (OtherAliasId, OtherRichMenuId) });
        response.Value.Aliases.ShouldAllBe(alias => alias.AdditionalProperties.Count == 0);
        ShouldBeBodylessBotCall(request, "getRichMenuAliasList", "GET", "/v2/bot/richmenu/alias/list");
    }

    [Trait(SpecConformance.Operation, "richMenuBatch")]
    [Fact]
    public async Task RichMenuBatchSendsLinkUnlinkAndUnlinkAllOperationsAndIsAcceptedWith202()
    {
        Platform.BotStub("richMenuBatch").RespondStatus(202, ("X-Line-Request-Id", "5b59509c-c57b-11e9-aa8c-2a2ae2dbcce4"));

        var (response, request) = await CallOnce("5b59509c-c57b-11e9-aa8c-2a2ae2dbcce4", clients => clients.Bot.RichMenuBatchAsync(BatchRequest()), 202);

        response.AlreadyAccepted.ShouldBeFalse();
        ShouldBeJsonBotCall(request, "richMenuBatch", "POST", "/v2/bot/richmenu/batch", BatchJson);
    }

    [Trait(SpecConformance.Operation, "richMenuBatch")]
    [Fact]
    public async Task RichMenuBatchRejectsAResumeKeyWithCharactersOutsideItsPatternBeforeAnyRequest()
    {
        var request = BatchRequest();
        request.ResumeRequestKey = "winter 2025";

        var exception = await ShouldRefuseBeforeAnyRequest<ArgumentException>(clients => clients.Bot.RichMenuBatchAsync(request));

        exception.ParamName.ShouldBe("RichMenuBatchRequest.ResumeRequestKey");
    }

    [Trait(SpecConformance.Operation, "createRichMenuAlias")]
    [Fact]
    public async Task CreateRichMenuAliasRejectsAnAliasIdOutsideItsPatternBeforeAnyRequest()
    {
        var exception = await ShouldRefuseBeforeAnyRequest<ArgumentException>(clients => clients.Bot.CreateRichMenuAliasAsync(
            new CreateRichMenuAliasRequest { RichMenuAliasId = "main menu", RichMenuId = RichMenuId }));

        exception.ParamName.ShouldBe("CreateRichMenuAliasRequest.RichMenuAliasId");
    }

    [Trait(SpecConformance.Operation, "createRichMenu")]
    [Fact]
    public async Task CreateRichMenuRejectsAnAreaOutsideTheImageBeforeAnyRequest()
    {
        var menu = new RichMenuRequest
        {
            Size = new RichMenuSize { Width = 2500, Height = 1686 },
            Selected = false,
            Name = "Out of bounds",
            ChatBarText = "Menu",
            Areas = [new RichMenuArea { Bounds = new RichMenuBounds { X = 0, Y = 1700, Width = 100, Height = 100 }, Action = new MessageAction { Label = "Hi", Text = "hi" } }],
        };

        var exception = await ShouldRefuseBeforeAnyRequest<ArgumentOutOfRangeException>(clients => clients.Bot.CreateRichMenuAsync(menu));

        exception.ParamName.ShouldBe("RichMenuBounds.Y");
        exception.ActualValue.ShouldBe(1700L);
    }

    [Trait(SpecConformance.Operation, "validateRichMenuBatchRequest")]
    [Fact]
    public async Task ValidateRichMenuBatchRequestSendsEveryOperationTypeAndSucceedsWithoutABody()
    {
        var request = await ShouldSucceedWithoutAnAnswerBody(
            "validateRichMenuBatchRequest",
            "req-validate-batch",
            clients => clients.Bot.ValidateRichMenuBatchRequestAsync(BatchRequest()));

        ShouldBeJsonBotCall(request, "validateRichMenuBatchRequest", "POST", "/v2/bot/richmenu/validate/batch", BatchJson);
    }

    [Trait(SpecConformance.Operation, "getRichMenuBatchProgress")]
    [Fact]
    public async Task GetRichMenuBatchProgressSendsTheRequestIdQueryAndParsesTheFinishedProgress()
    {
        const string requestId = "5b59509c-c57b-11e9-aa8c-2a2ae2dbcce4";
        Platform.BotStub("getRichMenuBatchProgress").WithQueryParameter("requestId", requestId).RespondJson(
            200,
            """{"phase":"succeeded","acceptedTime":"2025-12-01T09:00:00.000Z","completedTime":"2025-12-01T09:00:12.345Z"}""",
            ("X-Line-Request-Id", "req-batch-progress"));

        var (response, request) = await CallOnce("req-batch-progress", clients => clients.Bot.GetRichMenuBatchProgressAsync(requestId));

        var progress = response.Value;
        progress.Phase.ShouldBe(RichMenuBatchProgressResponsePhase.Succeeded);
        progress.AcceptedTime.ShouldBe("2025-12-01T09:00:00.000Z");
        progress.CompletedTime.ShouldBe("2025-12-01T09:00:12.345Z");
        progress.AdditionalProperties.ShouldBeEmpty();
        ShouldBeBodylessBotCall(request, "getRichMenuBatchProgress", "GET", "/v2/bot/richmenu/progress/batch", ("requestId", requestId));
    }

    [Trait(SpecConformance.Operation, "richMenuBatch")]
    [Trait(SpecConformance.Operation, "getRichMenuBatchProgress")]
    [Fact]
    public async Task RichMenuBatchRequestIdIsTheHandleForItsProgress()
    {
        const string batchRequestId = "7c0ab9a2-5f1e-4d3b-9a61-0e2f4b8c1d7e";
        Platform.BotStub("richMenuBatch").RespondStatus(202, ("X-Line-Request-Id", batchRequestId));
        Platform.BotStub("getRichMenuBatchProgress").WithQueryParameter("requestId", batchRequestId)
            .RespondJson(200, """{"phase":"ongoing","acceptedTime":"2025-12-01T09:00:00.000Z"}""", ("X-Line-Request-Id", "req-progress"));
        using var clients = new MessagingApiClients(Platform);

        var accepted = await clients.Bot.RichMenuBatchAsync(BatchRequest());
        var progress = (await clients.Bot.GetRichMenuBatchProgressAsync(accepted.RequestId.ShouldNotBeNull())).Value;

        progress.Phase.ShouldBe(RichMenuBatchProgressResponsePhase.Ongoing);
        progress.AcceptedTime.ShouldBe("2025-12-01T09:00:00.000Z");
        progress.CompletedTime.ShouldBeNull();
        progress.AdditionalProperties.ShouldBeEmpty();
        var requests = Platform.Requests;
        requests.Count.ShouldBe(2);
        requests[0].ShouldConformTo("richMenuBatch");
        requests[0].Path.ShouldBe("/v2/bot/richmenu/batch");
        requests[1].ShouldConformTo("getRichMenuBatchProgress");
        requests[1].Path.ShouldBe("/v2/bot/richmenu/progress/batch");
        requests[1].Query.Count.ShouldBe(1);
        requests[1].Query["requestId"].ShouldBe(new[] { batchRequestId });
    }

    /// <summary>The request that <see cref="MainMenuJson"/> is the wire form of.</summary>
    private static RichMenuRequest MainMenu() => new()
    {
        Size = new RichMenuSize { Width = 2500, Height = 1686 },
        Selected = true,
        Name = "Main menu (winter 2025)",
        ChatBarText = "Tap to open",
        Areas =
        [
            new RichMenuArea
            {
                Bounds = new RichMenuBounds { X = 0, Y = 0, Width = 833, Height = 843 },
                Action = new PostbackAction
                {
                    Label = "Reserve",
                    Data = "action=reserve&menu=main",
                    DisplayText = "Make a reservation",
                    InputOption = PostbackActionInputOption.OpenKeyboard,
                    FillInText = "Party of 2 at 7pm",
                },
            },
            new RichMenuArea
            {
                // The deprecated text form: LINE forbids text together with displayText, so it gets its own area.
                Bounds = new RichMenuBounds { X = 833, Y = 0, Width = 833, Height = 843 },
                Action = new PostbackAction
                {
                    Label = "Coupons",
                    Data = "action=coupons",
                    Text = "Show my coupons",
                    InputOption = PostbackActionInputOption.CloseRichMenu,
                },
            },
            new RichMenuArea
            {
                Bounds = new RichMenuBounds { X = 1666, Y = 0, Width = 834, Height = 843 },
                Action = new UriAction
                {
                    Label = "Menu",
                    Uri = "https://example.com/menu?lang=en",
                    AltUri = new AltUri { Desktop = "https://example.com/menu?lang=en&view=desktop" },
                },
            },
            new RichMenuArea
            {
                Bounds = new RichMenuBounds { X = 0, Y = 843, Width = 833, Height = 843 },
                Action = new MessageAction { Label = "Hours", Text = "What are your opening hours?" },
            },
            new RichMenuArea
            {
                Bounds = new RichMenuBounds { X = 833, Y = 843, Width = 833, Height = 843 },
                Action = new RichMenuSwitchAction { Label = "More", Data = "richmenu-changed-to-b", RichMenuAliasId = OtherAliasId },
            },
            new RichMenuArea
            {
                Bounds = new RichMenuBounds { X = 1666, Y = 843, Width = 834, Height = 843 },
                Action = new DatetimePickerAction
                {
                    Label = "Pick a time",
                    Data = "action=pick-time",
                    Mode = DatetimePickerActionMode.Datetime,
                    Initial = "2025-12-24T18:00",
                    Max = "2026-03-31T23:59",
                    Min = "2025-12-01T00:00",
                },
            },
        ],
    };

    /// <summary>The rich menu object LINE returns for <see cref="MainMenuJson"/>: the same object with its ID.</summary>
    private static string MainMenuResponseJson(string richMenuId)
    {
        var menu = JsonNode.Parse(MainMenuJson)!.AsObject();
        menu.Insert(0, "richMenuId", richMenuId);
        return menu.ToJsonString();
    }

    /// <summary>The request that <see cref="BatchJson"/> is the wire form of: one operation of each type and a resume key.</summary>
    private static RichMenuBatchRequest BatchRequest() => new()
    {
        Operations =
        [
            new RichMenuBatchLinkOperation { From = RichMenuId, To = OtherRichMenuId },
            new RichMenuBatchUnlinkOperation { From = OtherRichMenuId },
            new RichMenuBatchUnlinkAllOperation(),
        ],
        ResumeRequestKey = BatchResumeKey,
    };

    private static void ShouldBeTheMainMenuAreas(IList<RichMenuArea> areas)
    {
        areas.Count.ShouldBe(6);
        areas.Select(area => (area.Bounds.X, area.Bounds.Y, area.Bounds.Width, area.Bounds.Height)).ShouldBe(new[]
        {
            (0L, 0L, 833L, 843L), (833L, 0L, 833L, 843L), (1666L, 0L, 834L, 843L),
            (0L, 843L, 833L, 843L), (833L, 843L, 833L, 843L), (1666L, 843L, 834L, 843L),
        });

        var reserve = areas[0].Action.ShouldBeOfType<PostbackAction>();
        reserve.Type.ShouldBe("postback");
        reserve.Label.ShouldBe("Reserve");
        reserve.Data.ShouldBe("action=reserve&menu=main");
        reserve.DisplayText.ShouldBe("Make a reservation");
        reserve.Text.ShouldBeNull();
        reserve.InputOption.ShouldBe(PostbackActionInputOption.OpenKeyboard);
        reserve.FillInText.ShouldBe("Party of 2 at 7pm");

        var coupons = areas[1].Action.ShouldBeOfType<PostbackAction>();
        coupons.Label.ShouldBe("Coupons");
        coupons.Data.ShouldBe("action=coupons");
        coupons.DisplayText.ShouldBeNull();
        coupons.Text.ShouldBe("Show my coupons");
        coupons.InputOption.ShouldBe(PostbackActionInputOption.CloseRichMenu);
        coupons.FillInText.ShouldBeNull();

        var menu = areas[2].Action.ShouldBeOfType<UriAction>();
        menu.Type.ShouldBe("uri");
        menu.Label.ShouldBe("Menu");
        menu.Uri.ShouldBe("https://example.com/menu?lang=en");
        menu.AltUri.ShouldNotBeNull().Desktop.ShouldBe("https://example.com/menu?lang=en&view=desktop");

        var hours = areas[3].Action.ShouldBeOfType<MessageAction>();
        hours.Type.ShouldBe("message");
        hours.Label.ShouldBe("Hours");
        hours.Text.ShouldBe("What are your opening hours?");

        var more = areas[4].Action.ShouldBeOfType<RichMenuSwitchAction>();
        more.Type.ShouldBe("richmenuswitch");
        more.Label.ShouldBe("More");
        more.Data.ShouldBe("richmenu-changed-to-b");
        more.RichMenuAliasId.ShouldBe(OtherAliasId);

        var pickTime = areas[5].Action.ShouldBeOfType<DatetimePickerAction>();
        pickTime.Type.ShouldBe("datetimepicker");
        pickTime.Label.ShouldBe("Pick a time");
        pickTime.Data.ShouldBe("action=pick-time");
        pickTime.Mode.ShouldBe(DatetimePickerActionMode.Datetime);
        pickTime.Initial.ShouldBe("2025-12-24T18:00");
        pickTime.Max.ShouldBe("2026-03-31T23:59");
        pickTime.Min.ShouldBe("2025-12-01T00:00");

        areas.ShouldAllBe(area => area.AdditionalProperties.Count == 0 && area.Action.AdditionalProperties.Count == 0);
    }
}
