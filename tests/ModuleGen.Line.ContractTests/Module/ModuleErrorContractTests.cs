using System.Threading.Tasks;
using ModuleGen.Line.Testing;
using Shouldly;
using Xunit;

namespace ModuleGen.Line.ContractTests.Module;

/// <summary>LINE's error statuses become one typed exception carrying the status, the parsed body and the request id.</summary>
[Collection(LinePlatformCollection.Name)]
public sealed class ModuleErrorContractTests(LinePlatformFixture fixture) : ContractTest(fixture)
{
    private const string AcquirePath = "/v2/bot/chat/" + ModuleApiClients.ChatId + "/control/acquire";

    [Theory]
    [InlineData(400, "The value for the 'chatId' parameter is invalid")]
    [InlineData(403, "Access to this API is not available for your account")]
    [InlineData(404, "Not found")]
    [InlineData(423, "The chat is locked by another channel")]
    [InlineData(429, "The API rate limit has been exceeded. Try again later.")]
    [InlineData(500, "Internal server error")]
    public async Task ErrorStatusBecomesLineApiExceptionWithMessageDetailsAndRequestId(int status, string message)
    {
        Platform.Stub("acquireChatControl", ("chatId", ModuleApiClients.ChatId)).RespondJson(
            status,
            $$"""{"message":"{{message}}","details":[{"message":"May not be empty","property":"chatId"}]}""",
            ("X-Line-Request-Id", "req-" + status));
        using var clients = new ModuleApiClients(Platform);

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
        Platform.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task ErrorWithoutAJsonBodyStillCarriesStatusAndRequestId()
    {
        Platform.Stub("detachModule").RespondStatus(502, ("X-Line-Request-Id", "req-502"));
        using var clients = new ModuleApiClients(Platform);

        var exception = await Should.ThrowAsync<LineApiException>(
            () => clients.Module.DetachModuleAsync(new Models.DetachModuleRequest { BotId = ModuleApiClients.BotId }));

        exception.Status.ShouldBe(502);
        exception.RequestId.ShouldBe("req-502");
        exception.Error.ShouldBeNull();
    }

    [Fact]
    public async Task ConnectionResetBecomesLineApiExceptionWithStatusZero()
    {
        Platform.Faults.Next("detachModule").ResetBeforeRequest();
        using var clients = new ModuleApiClients(Platform);

        var exception = await Should.ThrowAsync<LineApiException>(
            () => clients.Module.DetachModuleAsync(new Models.DetachModuleRequest { BotId = ModuleApiClients.BotId }));

        exception.Status.ShouldBe(0);
        exception.OperationId.ShouldBe("detachModule");
        exception.InnerException.ShouldBeOfType<System.Net.Http.HttpRequestException>();
    }

    [Fact]
    public async Task SuccessBodyThatIsNotTheDocumentedShapeBecomesLineApiException()
    {
        Platform.Stub("getModules").RespondJson(200, """{"bots":"not-a-list"}""", ("X-Line-Request-Id", "req-bad"));
        using var clients = new ModuleApiClients(Platform);

        var exception = await Should.ThrowAsync<LineApiException>(() => clients.Module.GetModulesAsync());

        exception.Status.ShouldBe(200);
        exception.RequestId.ShouldBe("req-bad");
        exception.Message.ShouldContain("GetModulesResponse.bots");
        exception.InnerException.ShouldBeOfType<System.Text.Json.JsonException>();
    }
}
