using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using ModuleGen.Line.Testing;
using ModuleGen.Line.Webhooks.Tests.Infrastructure;
using Shouldly;
using Xunit;

namespace ModuleGen.Line.Webhooks.Tests;

/// <summary>
/// The exactly-once guarantee measured against the fake LINE platform: it remembers retry keys like LINE (a repeat is a
/// 409 and not delivered again), and its "answer lost" fault makes the push reach LINE while the handler sees a reset
/// and is retried by the inbox worker.
/// </summary>
public sealed class ExactlyOnceOnTheFakePlatformTests
{
    private const string BotId = "U2291b5e1143a20526e594f7dba3f8989";

    [Fact]
    public async Task EveryUserGetsTheConfirmationOnceWhenEveryFirstAnswerIsLost()
    {
        await using var platform = LineFakePlatform.Start();
        platform.AttachBot(BotId);
        platform.Faults.Next("pushMessage", 100).LoseAnswer();
        await using var host = await WebhookTestHost.StartAsync(
            w => w.AddHandler<MessageEvent, ConfirmingHandler>(),
            lineApi: platform.BaseAddress,
            configureLineClient: c => c.AddHttpMessageHandler(platform.CreateFaultHandler),
            configureInbox: o => o.MaxAttempts = 20); // the 100 lost answers may also hit retries; every event must still finish

        var users = Enumerable.Range(0, 100).Select(i => "U" + i.ToString("x32", System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        foreach (var chunk in users.Chunk(10))
        {
            (await host.PostSignedAsync(Body(chunk))).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        await Eventually.HoldsAsync(
            async () => (await host.Inbox.GetStatisticsAsync(default)).Completed == 100,
            "every event completes",
            TimeSpan.FromSeconds(30));
        var delivered = platform.Sent.Pushes(BotId).GroupBy(push => push.To).ToDictionary(g => g.Key, g => g.Count());
        users.ShouldAllBe(user => delivered.GetValueOrDefault(user) == 1);
        platform.Requests.Count(r => r.OperationId == "pushMessage" && r.Status == 409).ShouldBeGreaterThanOrEqualTo(100);
        (await host.Inbox.GetDeadLettersAsync(10, default)).ShouldBeEmpty();
    }

    private static byte[] Body(string[] users)
    {
        var body = JsonNode.Parse(Fixtures.Read("message.text.active.json"))!;
        var events = body["events"]!.AsArray();
        var prototype = events[0]!;
        events.Clear();
        foreach (var user in users)
        {
            var item = prototype.DeepClone();
            item["webhookEventId"] = "01KXFRQEK9870MWK0M" + user[^8..].ToUpperInvariant();
            item["source"] = new JsonObject { ["type"] = "user", ["userId"] = user };
            events.Add(item);
        }

        return Encoding.UTF8.GetBytes(body.ToJsonString());
    }
}
