using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using ModuleGen.Line.Webhooks.Tests.Infrastructure;
using Shouldly;
using Xunit;

namespace ModuleGen.Line.Webhooks.Tests;

/// <summary>
/// <see cref="LineWebhookParser.Parse"/> types each event in the one pass over the body; the batch types each event
/// later from its stored slice. Both must give the same envelope for every body, down to the last missing property,
/// unreadable event and exception.
/// </summary>
public sealed class SinglePassParseTests
{
    public static TheoryData<string> AllFixtures() => new(Fixtures.Names);

    public static TheoryData<string, string> CraftedBodies() => new()
    {
        { "events that are not objects", """{"destination":"U1","events":[1,"two",null,[3],{"type":"follow","mode":"active","timestamp":1,"webhookEventId":"A","deliveryContext":{"isRedelivery":false}}]}""" },
        { "a wrong type amid good events", """{"destination":"U1","events":[{"type":"unfollow","mode":"active","timestamp":1,"webhookEventId":"A","deliveryContext":{"isRedelivery":false}},{"type":"message","timestamp":"soon","message":{"type":"text","id":"1","text":"hi"}},{"type":"leave","mode":"standby","timestamp":2,"webhookEventId":"B","deliveryContext":{"isRedelivery":true}}]}""" },
        { "a wrong type deep inside", """{"destination":"U1","events":[{"type":"message","mode":"active","timestamp":1,"webhookEventId":"A","deliveryContext":{"isRedelivery":false},"message":{"type":"text","id":"1","text":"hi","emojis":[{"index":"x"}]}}]}""" },
        { "a lone surrogate escape", """{"destination":"U1","events":[{"type":"message","mode":"active","timestamp":1,"webhookEventId":"A","deliveryContext":{"isRedelivery":false},"message":{"type":"text","id":"1","text":"\ud800"}},{"type":"follow"}]}""" },
        { "the type after the members", """{"destination":"U1","events":[{"mode":"active","timestamp":1,"webhookEventId":"A","deliveryContext":{"isRedelivery":false},"source":{"userId":"U2","type":"user"},"type":"follow","extra":[1,{"a":null}]}]}""" },
        { "no type, and an unknown type", """{"destination":"U1","events":[{"mode":"active","timestamp":1},{"type":"brandNew","mode":"later","timestamp":1.0,"nested":{"deep":[1,2]}}]}""" },
        { "required members missing or null", """{"destination":"U1","events":[{"type":"message","mode":null,"webhookEventId":null,"message":{"type":"image"}},{"type":"follow","timestamp":null}]}""" },
        { "events repeated, destination last", """{"events":[{"type":"follow"}],"events":[{"type":"unfollow"},{"type":"leave"}],"destination":"U9"}""" },
        { "an empty destination", """{"destination":"","events":[]}""" },
        { "a destination that is not a string", """{"destination":7,"events":[{"type":"join"}]}""" },
        { "escaped names and values", """{"destination":"U\u0031","events":[{"typ\u0065":"message","mode":"act\u0069ve","timestamp":1,"message":{"type":"text","id":"1","text":"\u00e9\n"}}]}""" },
        { "malformed JSON inside an event", """{"destination":"U1","events":[{"type":"follow","timestamp":1},{"type":"message","timestamp":}]}""" },
        { "malformed JSON after a wrong type", """{"destination":"U1","events":[{"type":"message","timestamp":"x","message":{"type":"text",}}]}""" },
        { "a truncated body", """{"destination":"U1","events":[{"type":"follow","timestamp":1""" },
        { "content after the body", """{"destination":"U1","events":[]} {}""" },
        { "events not an array", """{"destination":"U1","events":{"type":"follow"}}""" },
        { "no events", """{"destination":"U1"}""" },
        { "not an object", "[]" },
        { "nesting deeper than the limit", """{"destination":"U1","events":[{"type":"follow","extra":""" + new string('[', 70) + new string(']', 70) + "}]}" },
    };

    [Theory]
    [MemberData(nameof(AllFixtures))]
    public void EveryFixtureReadsTheSameInOnePassAsThroughTheBatch(string name)
        => AssertSameOutcome(Fixtures.Read(name), name);

    [Theory]
    [MemberData(nameof(CraftedBodies))]
    public void CraftedBodiesReadTheSameInOnePassAsThroughTheBatch(string description, string body)
        => AssertSameOutcome(Encoding.UTF8.GetBytes(body), description);

    [Fact]
    public void EveryHostileBodyReadsTheSameInOnePassAsThroughTheBatch()
    {
        var differences = new List<string>();
        var total = 0;
        foreach (var hostile in HostileBodies.Generate())
        {
            total++;
            if (Difference(hostile.Body) is { } difference && differences.Count < 20)
            {
                differences.Add($"{hostile.Description}: {difference}");
            }
        }

        total.ShouldBeGreaterThanOrEqualTo(10_000);
        differences.ShouldBeEmpty();
    }

    [Fact]
    public void ParseVerifiesAndReadsInOnePass()
    {
        var body = Fixtures.Read("batch.mixed.json");

        var request = LineWebhookParser.Parse(body, Fixtures.Sign(body), [Fixtures.Secret]);

        ModelDifference.Find(LineWebhookParser.ParseBatchUnverified(body).ToCallbackRequest(), request).ShouldBeNull();
        request.Events.ShouldNotBeEmpty();
        request.Events.ShouldAllBe(e => !(e is UnreadableEvent));
    }

    private static void AssertSameOutcome(byte[] body, string description)
        => Difference(body).ShouldBeNull(description);

    /// <summary>Null when both paths give equal envelopes or equal exceptions.</summary>
    private static string? Difference(byte[] body)
    {
        const int limit = 8 * 1024 * 1024;
        var (expected, expectedError) = Outcome(() => LineWebhookParser.ParseBatchUnverified(body, limit).ToCallbackRequest());
        var (actual, actualError) = Outcome(() => LineWebhookParser.ParseUnverified(body, limit));
        if (expectedError is not null || actualError is not null)
        {
            return expectedError is not null && actualError is not null
                && expectedError.Reason == actualError.Reason
                && expectedError.Message == actualError.Message
                && expectedError.LineNumber == actualError.LineNumber
                && expectedError.BytePositionInLine == actualError.BytePositionInLine
                    ? null
                    : $"batch: {Describe(expectedError)}; one pass: {Describe(actualError)}";
        }

        return ModelDifference.Find(expected, actual);
    }

    private static (CallbackRequest? Request, LineWebhookException? Error) Outcome(Func<CallbackRequest> parse)
    {
        try
        {
            return (parse(), null);
        }
        catch (LineWebhookException exception)
        {
            return (null, exception);
        }
    }

    private static string Describe(LineWebhookException? error)
        => error is null ? "no exception" : $"{error.Reason} '{error.Message}' at {error.LineNumber}:{error.BytePositionInLine}";
}
