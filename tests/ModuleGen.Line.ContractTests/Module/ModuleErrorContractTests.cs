using System.Threading.Tasks;
using ModuleGen.Testing.WireMock;
using Shouldly;
using Xunit;

namespace ModuleGen.Line.ContractTests.Module;

/// <summary>LINE's error statuses become one typed exception carrying the status, the parsed body and the request id.</summary>
[Collection(WireMockCollection.Name)]
public sealed class ModuleErrorContractTests(WireMockFixture wireMock) : IAsyncLifetime
{
    private const string AcquirePath = "/v2/bot/chat/" + ModuleApiClients.ChatId + "/control/acquire";

    private WireMockAdmin Admin => wireMock.Admin;

    public Task InitializeAsync() => Admin.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData(400, "The value for the 'chatId' parameter is invalid")]
    [InlineData(403, "Access to this API is not available for your account")]
    [InlineData(404, "Not found")]
    [InlineData(423, "The chat is locked by another channel")]
    [InlineData(429, "The API rate limit has been exceeded. Try again later.")]
    [InlineData(500, "Internal server error")]
    public async Task ErrorStatusBecomesLineApiExceptionWithMessageDetailsAndRequestId(int status, string message)
    {
        await Admin.StubAsync(StubBuilder.Post(AcquirePath).RespondJson(
            status,
            $$"""{"message":"{{message}}","details":[{"message":"May not be empty","property":"chatId"}]}""",
            ("X-Line-Request-Id", "req-" + status)));
        using var clients = new ModuleApiClients(wireMock);

        var exception = await Should.ThrowAsync<LineApiException>(
            () => clients.Module.ForBot(ModuleApiClients.BotId).AcquireChatControlAsync(ModuleApiClients.ChatId));

        exception.Status.ShouldBe(status);
        exception.RequestId.ShouldBe("req-" + status);
        exception.OperationId.ShouldBe("acquireChatControl");
        exception.Error.ShouldNotBeNull().Message.ShouldBe(message);
        exception.Details.ShouldBe(new[] { "chatId: May not be empty" });
        exception.Message.ShouldContain(message);
        exception.Message.ShouldContain("req-" + status);
        exception.Message.ShouldNotContain(ModuleApiClients.Token);
        (await Admin.GetRequestsAsync()).Count.ShouldBe(1);
    }

    [Fact]
    public async Task ErrorWithoutAJsonBodyStillCarriesStatusAndRequestId()
    {
        await Admin.StubAsync(StubBuilder.Post("/v2/bot/channel/detach").RespondStatus(502, ("X-Line-Request-Id", "req-502")));
        using var clients = new ModuleApiClients(wireMock);

        var exception = await Should.ThrowAsync<LineApiException>(
            () => clients.Module.DetachModuleAsync(new Models.DetachModuleRequest { BotId = ModuleApiClients.BotId }));

        exception.Status.ShouldBe(502);
        exception.RequestId.ShouldBe("req-502");
        exception.Error.ShouldBeNull();
    }

    [Fact]
    public async Task ConnectionResetBecomesLineApiExceptionWithStatusZero()
    {
        await Admin.StubAsync(StubBuilder.Post("/v2/bot/channel/detach").RespondFault(WireMockFault.ConnectionResetByPeer));
        using var clients = new ModuleApiClients(wireMock);

        var exception = await Should.ThrowAsync<LineApiException>(
            () => clients.Module.DetachModuleAsync(new Models.DetachModuleRequest { BotId = ModuleApiClients.BotId }));

        exception.Status.ShouldBe(0);
        exception.OperationId.ShouldBe("detachModule");
        exception.InnerException.ShouldBeOfType<System.Net.Http.HttpRequestException>();
    }

    [Fact]
    public async Task SuccessBodyThatIsNotTheDocumentedShapeBecomesLineApiException()
    {
        await Admin.StubAsync(StubBuilder.Get("/v2/bot/list").RespondJson(200, """{"bots":"not-a-list"}""", ("X-Line-Request-Id", "req-bad")));
        using var clients = new ModuleApiClients(wireMock);

        var exception = await Should.ThrowAsync<LineApiException>(() => clients.Module.GetModulesAsync());

        exception.Status.ShouldBe(200);
        exception.RequestId.ShouldBe("req-bad");
        exception.Message.ShouldContain("GetModulesResponse.bots");
        exception.InnerException.ShouldBeOfType<System.Text.Json.JsonException>();
    }
}
