using System;
using System.Text;
using System.Threading.Tasks;
using ModuleGen.Line.Attach;
using ModuleGen.Line.Testing;
using ModuleGen.Line.Testing.Spec;
using Shouldly;
using Xunit;
using static ModuleGen.Line.ContractTests.SpecConformance;

namespace ModuleGen.Line.ContractTests.Module;

/// <summary>The attach (token exchange) on manager.line.biz: Basic auth, snake_case form, the PKCE verifier.</summary>
[Collection(LinePlatformCollection.Name)]
public sealed class AttachContractTests(LinePlatformFixture fixture) : ContractTest(fixture)
{
    private const string TokenPath = "/module/auth/v1/token";

    private static LineAttachAuthorization NewAttempt() => LineAttachAuthorization.Create(new LineAttachAuthorizationOptions
    {
        ChannelId = ModuleApiClients.ChannelId,
        RedirectUri = new Uri("https://module.example.com/attach/callback?key=value"),
        Scopes = new[] { "message:send", "message:receive" },
        Region = "JP",
        BasicSearchId = "@linedevelopers",
        BrandTypes = new[] { "premium", "verified" },
    });

    [Trait(SpecConformance.Operation, "attachModule")]
    [Fact]
    public async Task AttachSendsBasicAuthAndTheSnakeCaseFormOfTheAuthorizeUrl()
    {
        Platform.SpecStub("attachModule").RespondJson(
            200, """{"bot_id":"U5fac33f633e72c192759f09afc41fa28","scopes":["message:send","message:receive"]}""");
        using var clients = new ModuleApiClients(Platform);
        var attempt = NewAttempt();

        var attached = await clients.Attach.AttachAsync(attempt, "1234567890abcde", attempt.State);

        attached.Value.BotId.ShouldBe("U5fac33f633e72c192759f09afc41fa28");
        attached.Value.Scopes.ShouldBe(new[] { "message:send", "message:receive" });
        var request = Platform.Requests.ShouldHaveSingleItem();
        request.ShouldConformTo("attachModule");
        request.Method.ShouldBe("POST");
        request.Path.ShouldBe(TokenPath);
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes(ModuleApiClients.ChannelId + ":" + ModuleApiClients.ChannelSecret));
        request.Header("Authorization").ShouldBe("Basic " + basic);
        request.Header("Content-Type").ShouldBe("application/x-www-form-urlencoded");
        request.HasHeader("X-Line-Bot-Id").ShouldBeFalse();
        request.ShouldHaveTheForm(
            ("grant_type", "authorization_code"),
            ("code", "1234567890abcde"),
            ("redirect_uri", "https://module.example.com/attach/callback?key=value"),
            ("code_verifier", attempt.CodeVerifier),
            ("region", "JP"),
            ("basic_search_id", "@linedevelopers"),
            ("scope", "message:send message:receive"),
            ("brand_type", "premium verified"));
    }

    [Trait(SpecConformance.Operation, "attachModule")]
    [Fact]
    public async Task AttachResponseWithAScopeStringIsReadAsTheScopeList()
    {
        Platform.SpecStub("attachModule").RespondJson(
            200, """{"scope":"message:send profile:read","bot_id":"U5fac33f633e72c192759f09afc41fa28"}""");
        using var clients = new ModuleApiClients(Platform);
        var attempt = NewAttempt();

        var attached = await clients.Attach.AttachAsync(attempt, "code", attempt.State);

        attached.Value.Scopes.ShouldBe(new[] { "message:send", "profile:read" });
    }

    [Fact]
    public async Task AttachWithAForeignStateSendsNothing()
    {
        using var clients = new ModuleApiClients(Platform);
        var attempt = NewAttempt();

        await Should.ThrowAsync<LineAttachStateMismatchException>(() => clients.Attach.AttachAsync(attempt, "code", NewAttempt().State));

        Platform.Requests.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(400)]
    [InlineData(403)]
    public async Task RefusedAttachBecomesLineApiExceptionWithTheMessage(int status)
    {
        Platform.SpecStub("attachModule").RespondJson(status, """{"message":"invalid code"}""", ("X-Line-Request-Id", "req-attach"));
        using var clients = new ModuleApiClients(Platform);
        var attempt = NewAttempt();

        var exception = await Should.ThrowAsync<LineApiException>(() => clients.Attach.AttachAsync(attempt, "code", attempt.State));

        exception.Status.ShouldBe(status);
        exception.OperationId.ShouldBe("attachModule");
        exception.RequestId.ShouldBe("req-attach");
        exception.Error!.Message.ShouldBe("invalid code");
        exception.Message.ShouldContain("invalid code");
        exception.Message.ShouldNotContain(ModuleApiClients.ChannelSecret);
    }
}
