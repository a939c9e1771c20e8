using System;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using ModuleGen.Line.Models;
using ModuleGen.Line.Testing;
using ModuleGen.Line.Testing.Spec;
using Shouldly;
using Xunit;
using static ModuleGen.Line.ContractTests.SpecConformance;

namespace ModuleGen.Line.ContractTests.Module;

/// <summary>The four Module API operations on api.line.me, asserted on what WireMock received.</summary>
[Collection(LinePlatformCollection.Name)]
public sealed class ModuleApiContractTests(LinePlatformFixture fixture) : ContractTest(fixture)
{
    private const string BotId = ModuleApiClients.BotId;
    private const string ChatId = ModuleApiClients.ChatId;
    private const string EscapedChatPath = "/v2/bot/chat/" + ChatId + "/control";

    [Trait(SpecConformance.Operation, "detachModule")]
    [Fact]
    public async Task DetachSendsTheBotInTheBodyWithBearerAuthAndNoBotIdHeader()
    {
        Platform.SpecStub("detachModule").RespondStatus(200, ("X-Line-Request-Id", "req-detach"));

        var (_, request) = await CallModuleOnce("req-detach", clients => clients.Module.DetachModuleAsync(new DetachModuleRequest { BotId = BotId }));

        ShouldBeModuleCall(request, "detachModule", "POST", "/v2/bot/channel/detach", botId: null);
        ShouldHaveTheJsonBody(request, $$"""{"botId":"{{BotId}}"}""");
    }

    [Trait(SpecConformance.Operation, "getModules")]
    [Fact]
    public async Task GetModulesSendsStartAndLimitWithoutBotIdHeaderAndParsesThePage()
    {
        Platform.SpecStub("getModules").WithQueryParameter("start", "token-1").WithQueryParameter("limit", "50").RespondJson(
            200,
            """{"bots":[{"userId":"U1111111111111111111111111111111a","basicId":"@628abcde","displayName":"Cafe","pictureUrl":"https://profile.line-scdn.net/a"},{"userId":"U2222222222222222222222222222222b","basicId":"@628fghij","premiumId":"@cafe","displayName":"Bar"}],"next":"token-2"}""",
            ("X-Line-Request-Id", "req-list"));

        var (page, request) = await CallModuleOnce("req-list", clients => clients.Module.GetModulesAsync(start: "token-1", limit: 50));

        page.Value.Next.ShouldBe("token-2");
        page.Value.Bots.Select(b => b.UserId).ShouldBe(new[] { "U1111111111111111111111111111111a", "U2222222222222222222222222222222b" });
        page.Value.Bots[0].PictureUrl.ShouldBe("https://profile.line-scdn.net/a");
        page.Value.Bots[0].PremiumId.ShouldBeNull();
        page.Value.Bots[1].PremiumId.ShouldBe("@cafe");
        ShouldBeModuleCall(request, "getModules", "GET", "/v2/bot/list", botId: null, ("start", "token-1"), ("limit", "50"));
        request.ShouldHaveNoBody();
    }

    [Trait(SpecConformance.Operation, "getModules")]
    [Fact]
    public async Task GetAllBotsWalksEveryPageWithTheContinuationToken()
    {
        Platform.SpecStub("getModules").WithPriority(2)
            .RespondJson(200, """{"bots":[{"userId":"U1","basicId":"@1","displayName":"One"}],"next":"page-2"}""");
        Platform.SpecStub("getModules").WithQueryParameter("start", "page-2").WithPriority(1)
            .RespondJson(200, """{"bots":[{"userId":"U2","basicId":"@2","displayName":"Two"},{"userId":"U3","basicId":"@3","displayName":"Three"}]}""");
        using var clients = new ModuleApiClients(Platform);

        var names = await clients.Module.GetAllBotsAsync(limit: 2).Select(b => b.DisplayName).ToListAsync();

        names.ShouldBe(new[] { "One", "Two", "Three" });
        var requests = Platform.Requests;
        requests.Count.ShouldBe(2);
        requests[0].Query.ContainsKey("start").ShouldBeFalse();
        requests[1].Query["start"].ShouldBe(new[] { "page-2" });
        requests.ShouldAllBe(r => r.Query["limit"].Single() == "2");
        foreach (var request in requests)
        {
            request.ShouldConformTo("getModules");
        }
    }

    [Trait(SpecConformance.Operation, "acquireChatControl")]
    [Fact]
    public async Task AcquireChatControlSendsTheBotIdHeaderTheEscapedChatAndTheBody()
    {
        Platform.SpecStub("acquireChatControl", ("chatId", ChatId)).RespondStatus(200, ("X-Line-Request-Id", "req-acquire"));

        var (_, request) = await CallModuleOnce("req-acquire", clients => clients.Module.ForBot(BotId).AcquireChatControlAsync(ChatId, new AcquireChatControlRequest { Expired = false, Ttl = 600 }));

        ShouldBeModuleCall(request, "acquireChatControl", "POST", EscapedChatPath + "/acquire", BotId);
        ShouldHaveTheJsonBody(request, """{"expired":false,"ttl":600}""");
    }

    [Trait(SpecConformance.Operation, "acquireChatControl")]
    [Fact]
    public async Task AcquireChatControlWithoutARequestSendsNoBody()
    {
        Platform.SpecStub("acquireChatControl", SpecBody.Omitted, ("chatId", ChatId)).RespondStatus(200);
        using var clients = new ModuleApiClients(Platform);

        await clients.Module.ForBot(BotId).AcquireChatControlAsync(ChatId);

        var request = Platform.Requests.ShouldHaveSingleItem();
        request.ShouldConformTo("acquireChatControl");
        request.Header("X-Line-Bot-Id").ShouldBe(BotId);
        request.HasHeader("Content-Type").ShouldBeFalse();
        request.Body.ShouldBeEmpty();
    }

    [Trait(SpecConformance.Operation, "releaseChatControl")]
    [Fact]
    public async Task ReleaseChatControlSendsTheBotIdHeaderAndNoBody()
    {
        Platform.SpecStub("releaseChatControl", ("chatId", ChatId)).RespondStatus(200, ("X-Line-Request-Id", "req-release"));

        var (_, request) = await CallModuleOnce("req-release", clients => clients.Module.ForBot(BotId).ReleaseChatControlAsync(ChatId));

        ShouldBeModuleCall(request, "releaseChatControl", "POST", EscapedChatPath + "/release", BotId);
        request.ShouldHaveNoBody();
    }

    [Fact]
    public async Task ConfiguredBotIdHeaderNameReplacesTheDefault()
    {
        await using var partner = LineFakePlatform.Start(o => o.BotIdHeaderName = "X-Partner-Bot");
        partner.Stub("releaseChatControl", ("chatId", ChatId)).RespondStatus(200);
        using var clients = new ModuleApiClients(partner, o => o.BotIdHeaderName = "X-Partner-Bot");

        await clients.Module.ForBot(BotId).ReleaseChatControlAsync(ChatId);

        var request = partner.Requests.ShouldHaveSingleItem();
        request.Header("X-Partner-Bot").ShouldBe(BotId);
        request.HasHeader("X-Line-Bot-Id").ShouldBeFalse();
    }

    [Theory]
    [InlineData("Ub577ef3cbe786a8da85ff8e902a03fc6X")]
    [InlineData("LUb577ef3cbe786a8da85ff8e902a03fc6-U5fac33f633e72c192759f09afc41fa28")]
    [InlineData("")]
    public async Task MalformedBotIdIsRejectedBeforeAnyRequest(string botId)
    {
        using var clients = new ModuleApiClients(Platform);

        Should.Throw<ArgumentException>(() => clients.Module.ForBot(botId)).ParamName.ShouldBe("botId");

        Platform.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task ScopeGuardRefusesAcquireWithoutMessageReceiveBeforeAnyRequest()
    {
        using var clients = new ModuleApiClients(Platform);
        var oa = clients.Module.ForBot(BotId, grantedScopes: new[] { "message:send" });

        var exception = await Should.ThrowAsync<LineScopeNotGrantedException>(() => oa.AcquireChatControlAsync(ChatId));

        exception.MissingScope.ShouldBe("message:receive");
        exception.OperationId.ShouldBe("acquireChatControl");
        Platform.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task LimitOutsideTheSpecRangeIsRejectedBeforeAnyRequest()
    {
        using var clients = new ModuleApiClients(Platform);

        await Should.ThrowAsync<ArgumentOutOfRangeException>(() => clients.Module.GetModulesAsync(limit: 101));

        Platform.Requests.ShouldBeEmpty();
    }

    /// <summary>
    /// A Module API call: conforms to <paramref name="operationId"/>, has exactly this method, path and query, the module
    /// channel's bearer token, the bot id header only for a call on behalf of <paramref name="botId"/>, and no retry key.
    /// </summary>
    private static void ShouldBeModuleCall(
        LineRecordedRequest request, string operationId, string method, string path, string? botId, params (string Name, string Value)[] query)
    {
        request.ShouldBeCall(operationId, method, path, query);
        request.Header("Authorization").ShouldBe("Bearer " + ModuleApiClients.Token);
        if (botId is null)
        {
            request.HasHeader("X-Line-Bot-Id").ShouldBeFalse();
        }
        else
        {
            request.Header("X-Line-Bot-Id").ShouldBe(botId);
        }

        request.HasHeader("X-Line-Retry-Key").ShouldBeFalse();
    }

    /// <summary>A JSON Content-Type and a body that serializes exactly as <paramref name="expected"/> (property order included).</summary>
    private static void ShouldHaveTheJsonBody(LineRecordedRequest request, string expected)
    {
        request.Header("Content-Type").ShouldBe(ContractAssert.JsonContentType);
        JsonSerializer.Serialize(JsonDocument.Parse(request.Body).RootElement)
            .ShouldBe(JsonSerializer.Serialize(JsonDocument.Parse(expected).RootElement));
    }
}
