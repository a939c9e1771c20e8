using System;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using ModuleGen.Line.Tests.Infrastructure;
using Shouldly;
using Xunit;

namespace ModuleGen.Line.Tests.Messaging;

public sealed class BotScopeTests
{
    [Fact]
    public async Task ThousandBotsInParallelNeverShareABotIdHeader()
    {
        var mismatches = 0;
        var handler = new FakeLineHandler(async (request, _) =>
        {
            await Task.Yield();
            var userId = request.Uri.AbsolutePath["/v2/bot/profile/".Length..];
            if (request.Header("X-Line-Bot-Id") != userId[1..])
            {
                System.Threading.Interlocked.Increment(ref mismatches);
            }

            return FakeLineHandler.Json(HttpStatusCode.OK, $$"""{"displayName":"user","userId":"{{userId}}"}""");
        });
        var client = MessagingTestContext.Client(handler);
        var botIds = Enumerable.Range(0, 1000).Select(i => "U" + i.ToString("x32", System.Globalization.CultureInfo.InvariantCulture)).ToArray();

        var calls = botIds
            .SelectMany(botId => Enumerable.Range(0, 10).Select(_ => (BotId: botId, Client: client.ForBot(botId))))
            .Select(call => Task.Run(async () =>
            {
                var profile = await call.Client.GetProfileAsync("L" + call.BotId);
                return (call.BotId, profile.Value.UserId);
            }))
            .ToArray();
        var results = await Task.WhenAll(calls);

        mismatches.ShouldBe(0);
        handler.Count.ShouldBe(10_000);
        results.ShouldAllBe(r => r.UserId == "L" + r.BotId);
        handler.Requests.GroupBy(r => r.Header("X-Line-Bot-Id")).Count().ShouldBe(1000);
    }

    [Fact]
    public async Task ABotWithoutMessageSendCannotPush()
    {
        var handler = new FakeLineHandler((_, _) => FakeLineHandler.Json(HttpStatusCode.OK, """{"sentMessages":[]}"""));
        var bot = MessagingTestContext.Client(handler).ForBot(MessagingTestContext.BotId, new[] { "message:receive" });

        var failure = await Should.ThrowAsync<LineScopeNotGrantedException>(bot.PushMessageAsync(MessagingTestContext.Push()));

        failure.MissingScope.ShouldBe("message:send");
        failure.Message.ShouldContain("message:send");
        handler.Count.ShouldBe(0);
    }
}
