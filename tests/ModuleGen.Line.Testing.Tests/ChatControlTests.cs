using System;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using ModuleGen.Line.Testing.Tests.Infrastructure;
using ModuleGen.Tests.Shared;
using Shouldly;
using Xunit;

namespace ModuleGen.Line.Testing.Tests;

/// <summary>Chat control and the bot-id header: who may act for which OA, as LINE decides it.</summary>
public sealed class ChatControlTests : IDisposable
{
    private const string ChatId = "LUb577ef3cbe786a8da85ff8e902a03fc6-U5fac33f633e72c192759f09afc41fa28";

    private readonly ManualTimeProvider clock = new();
    private readonly LineFakePlatform platform;
    private readonly ModuleClients clients;
    private readonly string botId;

    public ChatControlTests()
    {
        platform = LineFakePlatform.Start(options => options.TimeProvider = clock);
        clients = new ModuleClients(platform);
        botId = platform.AttachBot().BotId;
    }

    public void Dispose()
    {
        clients.Dispose();
        platform.Dispose();
    }

    [Fact]
    public async Task AcquireGivesTheModuleControlAndReleaseReturnsIt()
    {
        await clients.Module.ForBot(botId).AcquireChatControlAsync(ChatId);
        platform.ModuleHasChatControl(botId, ChatId).ShouldBeTrue();

        await clients.Module.ForBot(botId).ReleaseChatControlAsync(ChatId);
        platform.ModuleHasChatControl(botId, ChatId).ShouldBeFalse();
    }

    [Fact]
    public async Task AcquireWithinTheLockAfterAnotherChannelTookControlGets423()
    {
        platform.GiveChatControlToAnotherChannel(botId, ChatId);
        clock.Advance(platform.Options.ChatControlLock - TimeSpan.FromSeconds(1));

        var locked = await Should.ThrowAsync<LineApiException>(() => clients.Module.ForBot(botId).AcquireChatControlAsync(ChatId));

        locked.Status.ShouldBe(423);
        platform.ModuleHasChatControl(botId, ChatId).ShouldBeFalse();
    }

    [Fact]
    public async Task AcquireOnceTheLockHasPassedSucceeds()
    {
        platform.GiveChatControlToAnotherChannel(botId, ChatId);
        clock.Advance(platform.Options.ChatControlLock);

        await clients.Module.ForBot(botId).AcquireChatControlAsync(ChatId);

        platform.ModuleHasChatControl(botId, ChatId).ShouldBeTrue();
    }

    [Fact]
    public async Task ABotScopedCallWithoutTheBotIdHeaderGetsLinesNotAvailableError()
    {
        using var response = await platform.SendAsync(HttpMethod.Get, "/v2/bot/info");

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await response.ErrorMessageAsync()).ShouldBe("Access to this API is not available for your account");
        platform.Requests.ShouldHaveSingleItem().Refusal.ShouldNotBeNull().ShouldStartWith("X-Line-Bot-Id must be sent once");
    }

    [Fact]
    public async Task ACallForAnOaTheModuleIsNotAttachedToGetsNotAvailable()
    {
        var refused = await Should.ThrowAsync<LineApiException>(() =>
            clients.Messaging.ForBot("U0123456789abcdef0123456789abcdef").GetBotInfoAsync());

        refused.Status.ShouldBe(403);
        refused.Error.ShouldNotBeNull().Message.ShouldBe("Access to this API is not available for your account");
    }

    [Fact]
    public async Task ACallNeedingAScopeTheOaDidNotGrantGetsNotAvailable()
    {
        var limited = platform.AttachBot(scopes: ["message:receive"]).BotId;

        var refused = await Should.ThrowAsync<LineApiException>(() =>
            clients.Messaging.ForBot(limited).PushMessageAsync(ModuleClients.Push(ChatId, "hi")));

        refused.Status.ShouldBe(403);
        refused.Details.ShouldBe(["the OA did not grant the scope message:send"]);
    }
}
