using System;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ModuleGen.Line.AspNetCore.Webhooks;
using ModuleGen.Line.Inbox;
using ModuleGen.Line.Models;
using ModuleGen.Line.Webhooks.Tests.Infrastructure;
using Shouldly;
using Xunit;

namespace ModuleGen.Line.Webhooks.Tests;

/// <summary>
/// What real LINE traffic does to a module, end to end through Kestrel: payloads of older LINE generations, handlers
/// retried after a push LINE accepted, single-use reply tokens, and clients that abort, stall or are not LINE.
/// </summary>
public sealed class RealTrafficTests
{
    public static TheoryData<string, string[]> OlderGenerations() => new()
    {
        { "message.text.active.json", ["webhookEventId", "deliveryContext", "mode"] },
        { "message.text.active.json", ["message.quoteToken"] },
        { "message.text.active.json", ["destination"] },
        { "follow.active.json", ["webhookEventId", "deliveryContext", "mode", "destination", "follow"] },
        { "postback.active.json", ["webhookEventId", "deliveryContext"] },
    };

    [Theory]
    [MemberData(nameof(OlderGenerations))]
    public async Task APayloadOfAnOlderLineGenerationIsAcceptedAndHandledOnceEvenWhenSentTwice(string fixture, string[] removed)
    {
        await using var host = await WebhookTestHost.StartAsync(w => w.AddHandler<Event, RecordingHandler<Event>>());
        var body = Without(Fixtures.Read(fixture), removed);

        (await host.PostSignedAsync(body)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await host.PostSignedAsync(body)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var call = (await host.Recorder.WaitForAsync(1)).ShouldHaveSingleItem();
        call.Event.ShouldNotBeOfType<UnreadableEvent>();
        call.Context.IsTenantKnown.ShouldBe(!removed.Contains("destination"));
        if (removed.Contains("webhookEventId"))
        {
            call.Context.WebhookEventId.ShouldStartWith(LineWebhookParser.DerivedKeyPrefix);
        }

        await Eventually.HoldsAsync(async () => (await host.Inbox.GetStatisticsAsync(default)).Completed == 1, "the one event completes");
        var statistics = await host.Inbox.GetStatisticsAsync(default);
        (statistics.Pending + statistics.InFlight + statistics.DeadLettered).ShouldBe(0);
        host.Recorder.Calls.Count.ShouldBe(1);
    }

    [Fact]
    public async Task AnEventWithoutDestinationReachesItsHandlerOnceWithAnUnknownTenantAndIsNotRetried()
    {
        await using var host = await WebhookTestHost.StartAsync(
            w => w.AddHandler<MessageEvent, NotifyTwoHandler>(),
            configureInbox: o => o.MaxAttempts = 5);
        var body = Without(Fixtures.Read("message.text.active.json"), ["destination"]);

        (await host.PostSignedAsync(body)).StatusCode.ShouldBe(HttpStatusCode.OK);

        IReadOnlyList<LineDeadLetter> deadLetters = [];
        await Eventually.HoldsAsync(async () => (deadLetters = await host.Inbox.GetDeadLettersAsync(10, default)).Count == 1, "dead-lettered");
        deadLetters[0].Attempts.ShouldBe(1);
        deadLetters[0].LastError.ShouldNotBeNull().ShouldContain(nameof(LineUnknownTenantException));
        host.Recorder.Calls.ShouldHaveSingleItem().Context.IsTenantKnown.ShouldBeFalse();
    }

    [Fact]
    public async Task APushRepeatedByARetriedHandlerIsDeliveredOnceWithTheEventDerivedRetryKey()
    {
        var line = new RetryKeyAwareLine { LoseFirstAnswerPerRecipient = true };
        await using var host = await WebhookTestHost.StartAsync(
            w => w.AddHandler<MessageEvent, ConfirmingHandler>(),
            configureLineClient: c => c.ConfigurePrimaryHttpMessageHandler(() => line));

        var users = await PostMessagesFromDistinctUsersAsync(host, users: 100, perBody: 10);

        await host.Recorder.WaitForAsync(200, TimeSpan.FromSeconds(30));
        await Eventually.HoldsAsync(async () => (await host.Inbox.GetStatisticsAsync(default)).Completed == 100, "every event completes");
        users.Select(user => line.Deliveries.GetValueOrDefault(user)).ShouldAllBe(count => count == 1);
        line.Conflicts.ShouldBe(100);
        (await host.Inbox.GetDeadLettersAsync(10, default)).ShouldBeEmpty();
    }

    [Fact]
    public async Task WithoutTheEventDerivedKeyTheSameRetriedPushIsDeliveredTwice()
    {
        // The measurement that motivates RetryKeyFor: a key minted per call is new on every attempt.
        var line = new RetryKeyAwareLine { LoseFirstAnswerPerRecipient = true };
        await using var host = await WebhookTestHost.StartAsync(
            w => w.AddHandler<MessageEvent, ConfirmingWithFreshKeyHandler>(),
            configureLineClient: c => c.ConfigurePrimaryHttpMessageHandler(() => line));

        var users = await PostMessagesFromDistinctUsersAsync(host, users: 100, perBody: 10);

        await host.Recorder.WaitForAsync(200, TimeSpan.FromSeconds(30));
        users.Count(user => line.Deliveries.GetValueOrDefault(user) == 2).ShouldBe(100);
    }

    [Fact]
    public async Task AHandlerThatPushesToTwoUsersDeliversBothOnceAcrossRetries()
    {
        var line = new RetryKeyAwareLine { LoseFirstAnswerPerRecipient = true };
        await using var host = await WebhookTestHost.StartAsync(
            w => w.AddHandler<MessageEvent, NotifyTwoHandler>(),
            configureLineClient: c => c.ConfigurePrimaryHttpMessageHandler(() => line),
            configureInbox: o => o.MaxAttempts = 5);

        (await host.PostSignedAsync(Fixtures.Read("message.text.active.json"))).StatusCode.ShouldBe(HttpStatusCode.OK);

        await Eventually.HoldsAsync(async () => (await host.Inbox.GetStatisticsAsync(default)).Completed == 1, "the event completes");
        line.Deliveries.GetValueOrDefault(NotifyTwoHandler.Guest).ShouldBe(1);
        line.Deliveries.GetValueOrDefault(NotifyTwoHandler.Staff).ShouldBe(1);
    }

    [Fact]
    public async Task AReplyRefusedAsAnInvalidReplyTokenIsDeadLetteredAfterOneAttempt()
    {
        var line = new RetryKeyAwareLine();
        await using var host = await WebhookTestHost.StartAsync(
            w => w.AddHandler<MessageEvent, ReplyingHandler>(),
            configureLineClient: c => c.ConfigurePrimaryHttpMessageHandler(() => line),
            configureInbox: o => o.MaxAttempts = 5);

        (await host.PostSignedAsync(Fixtures.Read("message.text.active.json"))).StatusCode.ShouldBe(HttpStatusCode.OK);

        IReadOnlyList<LineDeadLetter> deadLetters = [];
        await Eventually.HoldsAsync(async () => (deadLetters = await host.Inbox.GetDeadLettersAsync(10, default)).Count == 1, "dead-lettered");
        deadLetters[0].Attempts.ShouldBe(1);
        deadLetters[0].LastError.ShouldNotBeNull().ShouldStartWith("Permanent: LINE answered 400");
        deadLetters[0].LastError!.ShouldContain("Invalid reply token");
    }

    [Fact]
    public async Task AClientThatHangsUpMidBodyCostsOneDebugLineNotAnErrorOrA500()
    {
        var logs = new CapturingLoggerProvider();
        await using var host = await WebhookTestHost.StartAsync(
            w => w.AddHandler<Event, RecordingHandler<Event>>(),
            configureLogging: l => l.AddProvider(logs).SetMinimumLevel(LogLevel.Debug));

        for (var i = 0; i < 5; i++)
        {
            using var socket = new TcpClient();
            await socket.ConnectAsync(host.Client.BaseAddress!.Host, host.Client.BaseAddress.Port);
            var stream = socket.GetStream();
            var head = $"POST /webhook HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nx-line-signature: abc\r\nContent-Length: 1000\r\n\r\n{{\"destination\":";
            await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
            await stream.FlushAsync();

            // Hang up only once the request reached the app (a connection closed before that never reaches the endpoint).
            var started = i + 1;
            await Eventually.HoldsAsync(
                () => Task.FromResult(logs.Lines.Count(l => l.Message.StartsWith("Request starting", StringComparison.Ordinal)) >= started),
                "the request reached the app");
        }

        await Eventually.HoldsAsync(
            () => Task.FromResult(logs.Lines.Count(l => l.Message.StartsWith("A webhook request ended before its body was read", StringComparison.Ordinal)) == 5),
            "each aborted request logs one debug line");
        logs.Lines.Where(l => l.Level >= LogLevel.Warning).ShouldBeEmpty();
        logs.Lines.Where(l => l.Message.StartsWith("A webhook request ended", StringComparison.Ordinal)).ShouldAllBe(l => l.Level == LogLevel.Debug && l.Exception == null);
        (await host.Inbox.GetStatisticsAsync(default)).Pending.ShouldBe(0);
    }

    [Fact]
    public async Task RejectedRequestsAreCountedEachButLoggedOnlyAFewTimesAMinute()
    {
        var logs = new CapturingLoggerProvider();
        await using var host = await WebhookTestHost.StartAsync(
            w => w.AddHandler<Event, RecordingHandler<Event>>(),
            configureLogging: l => l.AddProvider(logs));
        var meter = host.Services.GetRequiredService<LineWebhookMetrics>();
        long rejected = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Name == "modulegen.webhook.requests.rejected" && instrument.Meter.Scope == host.Services.GetRequiredService<IMeterFactory>())
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref rejected, value));
        listener.Start();
        var body = Fixtures.Read("message.text.active.json");

        for (var i = 0; i < 300; i++)
        {
            (await host.PostAsync(body, "not-the-signature")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        Interlocked.Read(ref rejected).ShouldBe(300);
        logs.Lines.Count(l => l.Level == LogLevel.Warning && l.Category.EndsWith("LineWebhookEndpoint", StringComparison.Ordinal)).ShouldBe(5);
        meter.ShouldNotBeNull();
    }

    [Fact]
    public async Task TheBodyIsReadIntoOneBufferSizedByContentLength()
    {
        var body = new byte[1024 * 1024];
        var context = new DefaultHttpContext();
        context.Request.Body = new MemoryStream(body);
        context.Request.ContentLength = body.Length;

        var before = GC.GetAllocatedBytesForCurrentThread();
        var read = await LineWebhookBodyReader.ReadAsync(context.Request, LineWebhookParser.DefaultMaxBodyBytes, default);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        read.ShouldNotBeNull().Length.ShouldBe(body.Length);
        allocated.ShouldBeLessThan(body.Length + 16 * 1024);
    }

    private static byte[] Without(byte[] fixture, string[] removed)
    {
        var body = JsonNode.Parse(fixture)!.AsObject();
        foreach (var name in removed)
        {
            if (name == "destination")
            {
                body.Remove(name);
                continue;
            }

            var target = body["events"]![0]!.AsObject();
            var parts = name.Split('.');
            for (var i = 0; i < parts.Length - 1; i++)
            {
                target = target[parts[i]]!.AsObject();
            }

            target.Remove(parts[^1]).ShouldBeTrue(name);
        }

        return Encoding.UTF8.GetBytes(body.ToJsonString());
    }

    /// <summary>Posts message events from distinct users (one event each, <paramref name="perBody"/> per body); returns their IDs.</summary>
    private static async Task<IReadOnlyList<string>> PostMessagesFromDistinctUsersAsync(WebhookTestHost host, int users, int perBody)
    {
        var template = JsonNode.Parse(Fixtures.Read("message.text.active.json"))!;
        var ids = new List<string>();
        for (var start = 0; start < users; start += perBody)
        {
            var body = template.DeepClone();
            var events = body["events"]!.AsArray();
            var prototype = events[0]!;
            events.Clear();
            for (var i = start; i < start + perBody; i++)
            {
                var user = "U" + i.ToString("x32", System.Globalization.CultureInfo.InvariantCulture);
                ids.Add(user);
                var item = prototype.DeepClone();
                item["webhookEventId"] = "01KXFRQEK9870MWK0MG" + i.ToString("D7", System.Globalization.CultureInfo.InvariantCulture);
                item["source"] = new JsonObject { ["type"] = "user", ["userId"] = user };
                events.Add(item);
            }

            (await host.PostSignedAsync(Encoding.UTF8.GetBytes(body.ToJsonString()))).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        return ids;
    }
}

/// <summary>The README's push-from-a-handler: confirms with a push keyed on the event, so a retried handler sends it once.</summary>
internal sealed class ConfirmingHandler(HandlerRecorder recorder) : ILineWebhookHandler<MessageEvent>
{
    public async ValueTask HandleAsync(MessageEvent webhookEvent, LineTenantContext oa, CancellationToken cancellationToken)
    {
        recorder.Record(new HandledEvent("confirming", webhookEvent, oa));
        var to = ((UserSource)webhookEvent.Source!).UserId!;
        await oa.Messaging.PushMessageAsync(
            new PushMessageRequest { To = to, Messages = [new TextMessage { Text = "Your table is booked" }] },
            oa.RetryKeyFor("confirmation", to),
            cancellationToken);
    }
}

/// <summary>The same push with a key minted per call: what a handler without the event-derived key does.</summary>
internal sealed class ConfirmingWithFreshKeyHandler(HandlerRecorder recorder) : ILineWebhookHandler<MessageEvent>
{
    public async ValueTask HandleAsync(MessageEvent webhookEvent, LineTenantContext oa, CancellationToken cancellationToken)
    {
        recorder.Record(new HandledEvent("confirming-fresh-key", webhookEvent, oa));
        var to = ((UserSource)webhookEvent.Source!).UserId!;
        await oa.Messaging.PushMessageAsync(
            new PushMessageRequest { To = to, Messages = [new TextMessage { Text = "Your table is booked" }] },
            retryKey: null,
            cancellationToken);
    }
}

/// <summary>Pushes to a guest and to the staff: two sends, two keys.</summary>
internal sealed class NotifyTwoHandler(HandlerRecorder recorder) : ILineWebhookHandler<MessageEvent>
{
    public const string Guest = "U00000000000000000000000000000001";
    public const string Staff = "U00000000000000000000000000000002";

    public async ValueTask HandleAsync(MessageEvent webhookEvent, LineTenantContext oa, CancellationToken cancellationToken)
    {
        recorder.Record(new HandledEvent("notify-two", webhookEvent, oa));
        foreach (var to in new[] { Guest, Staff })
        {
            await oa.Messaging.PushMessageAsync(
                new PushMessageRequest { To = to, Messages = [new TextMessage { Text = "Booked" }] },
                oa.RetryKeyFor("booking-notice", to),
                cancellationToken);
        }
    }
}
