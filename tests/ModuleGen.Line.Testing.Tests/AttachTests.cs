using System;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using ModuleGen.Line.Attach;
using ModuleGen.Line.Models;
using ModuleGen.Line.Testing.Tests.Infrastructure;
using Shouldly;
using Xunit;

namespace ModuleGen.Line.Testing.Tests;

/// <summary>Attach (authorize, code, token exchange), the list of attached OAs and detach, remembered as LINE does.</summary>
public sealed class AttachTests : IDisposable
{
    private const string BotId = "U5fac33f633e72c192759f09afc41fa28";

    private readonly LineFakePlatform platform = LineFakePlatform.Start();
    private readonly ModuleClients clients;

    public AttachTests() => clients = new ModuleClients(platform);

    public void Dispose()
    {
        clients.Dispose();
        platform.Dispose();
    }

    [Fact]
    public async Task TheApprovedCodeExchangesForTheBotIdAndScopesAndTheOaIsListed()
    {
        var attempt = Authorization();
        var redirect = platform.ApproveAttach(attempt.Url, BotId);

        var attached = await clients.Attach.AttachAsync(attempt, Query(redirect, "code"), Query(redirect, "state"));

        attached.Status.ShouldBe(200);
        attached.Value.BotId.ShouldBe(BotId);
        attached.Value.Scopes.ShouldBe(["message:send", "message:receive"]);
        platform.AttachedBots.ShouldHaveSingleItem().BotId.ShouldBe(BotId);
        var listed = await clients.Module.GetAllBotsAsync().ToListAsync();
        listed.ShouldHaveSingleItem().UserId.ShouldBe(BotId);
    }

    [Fact]
    public async Task ACodeIsGoodForOneExchange()
    {
        var attempt = Authorization();
        var redirect = platform.ApproveAttach(attempt.Url);
        await clients.Attach.AttachAsync(attempt, Query(redirect, "code"), Query(redirect, "state"));

        var again = await Should.ThrowAsync<LineApiException>(() => clients.Attach.AttachAsync(attempt, Query(redirect, "code"), Query(redirect, "state")));

        again.Status.ShouldBe(400);
        again.Error.ShouldNotBeNull().Message.ShouldBe("The authorization code is invalid, expired or already used");
        platform.AttachedBots.Count.ShouldBe(1);
    }

    [Fact]
    public async Task AWrongCodeIsRefusedWith400AndAttachesNothing()
    {
        var attempt = Authorization();
        var redirect = platform.ApproveAttach(attempt.Url);

        var refused = await Should.ThrowAsync<LineApiException>(() => clients.Attach.AttachAsync(attempt, "not-the-code", Query(redirect, "state")));

        refused.Status.ShouldBe(400);
        platform.AttachedBots.ShouldBeEmpty();
    }

    [Fact]
    public async Task AVerifierThatDoesNotMatchTheChallengeIsRefusedWith400()
    {
        var attempt = Authorization();
        var otherAttempt = Authorization();
        var redirect = platform.ApproveAttach(attempt.Url);

        var refused = await Should.ThrowAsync<LineApiException>(() =>
            clients.Attach.AttachModuleAsync(otherAttempt.CreateTokenRequest(Query(redirect, "code"))));

        refused.Status.ShouldBe(400);
        refused.Error.ShouldNotBeNull().Message.ShouldBe("The code_verifier does not match the code_challenge");
        platform.AttachedBots.ShouldBeEmpty();
    }

    [Fact]
    public void AnAuthorizeUrlForAnotherChannelIsATypedError()
    {
        var foreign = LineAttachAuthorization.Create(new LineAttachAuthorizationOptions
        {
            ChannelId = "9999999999",
            RedirectUri = new Uri("https://module.example.com/attach/callback"),
            Scopes = ["message:send"],
        });

        Should.Throw<ArgumentException>(() => platform.ApproveAttach(foreign.Url)).ParamName.ShouldBe("authorizeUrl");
    }

    [Fact]
    public async Task EveryAttachedOaIsListedAcrossPagesInAttachOrder()
    {
        var bots = Enumerable.Range(0, 5).Select(_ => platform.AttachBot().BotId).ToList();

        var listed = await clients.Module.GetAllBotsAsync(limit: 2).Select(bot => bot.UserId).ToListAsync();

        listed.ShouldBe(bots);
        platform.Requests.Count(request => request.OperationId == "getModules").ShouldBe(3);
    }

    [Fact]
    public async Task AStartTokenTheFakeDidNotHandOutIsRefusedAsLineRefusesIt()
    {
        var refused = await Should.ThrowAsync<LineApiException>(() => clients.Module.GetModulesAsync(start: "forged"));

        refused.Status.ShouldBe(400);
        refused.Error.ShouldNotBeNull().Message.ShouldBe("Invalid start param");
    }

    [Fact]
    public async Task DetachRemovesTheOaFromTheList()
    {
        platform.AttachBot(BotId);
        var other = platform.AttachBot().BotId;

        await clients.Module.DetachModuleAsync(new DetachModuleRequest { BotId = BotId });

        platform.AttachedBots.Select(bot => bot.BotId).ShouldBe([other]);
        (await clients.Module.GetAllBotsAsync().Select(bot => bot.UserId).ToListAsync()).ShouldBe([other]);
    }

    [Fact]
    public async Task DetachingAnOaThatIsNotAttachedIsRefused()
    {
        var refused = await Should.ThrowAsync<LineApiException>(() => clients.Module.DetachModuleAsync(new DetachModuleRequest { BotId = BotId }));

        refused.Status.ShouldBe((int)HttpStatusCode.BadRequest);
        refused.Error.ShouldNotBeNull().Message.ShouldBe("Specified channel is not detachable");
    }

    private LineAttachAuthorization Authorization() => LineAttachAuthorization.Create(new LineAttachAuthorizationOptions
    {
        ChannelId = platform.Options.ChannelId,
        RedirectUri = new Uri("https://module.example.com/attach/callback"),
        Scopes = ["message:send", "message:receive"],
    });

    private static string Query(Uri redirect, string name) =>
        System.Web.HttpUtility.ParseQueryString(redirect.Query)[name].ShouldNotBeNull($"{name} in {redirect}");
}
