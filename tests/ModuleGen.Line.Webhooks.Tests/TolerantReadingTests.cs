using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ModuleGen.Line.Webhooks.Tests.Infrastructure;
using Shouldly;
using Xunit;

namespace ModuleGen.Line.Webhooks.Tests;

/// <summary>
/// Every fixture body, mutated property by property at every depth — removed, set to null, replaced by a value of
/// another JSON type, integers written as <c>1.0</c> — must still be accepted with every event kept: untouched events
/// typed and written back JSON-equal, the touched one typed (with what was missing reported) or an
/// <see cref="UnreadableEvent"/> naming its path.
/// </summary>
public sealed class TolerantReadingTests
{
    public static TheoryData<string> FixturesWithEvents()
    {
        var data = new TheoryData<string>();
        foreach (var name in Fixtures.Names.Where(name => JsonNode.Parse(Fixtures.Read(name))!["events"]!.AsArray().Count > 0))
        {
            data.Add(name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(FixturesWithEvents))]
    public void EveryMutationOfEveryPropertyKeepsTheBodyAndEveryEvent(string fixture)
    {
        var original = JsonNode.Parse(Fixtures.Read(fixture))!;
        var eventCount = original["events"]!.AsArray().Count;
        var mutations = 0;
        for (var index = 0; index < eventCount; index++)
        {
            foreach (var (description, mutate) in Mutations(original["events"]![index]!, $"$.events[{index}]"))
            {
                var body = original.DeepClone();
                mutate(body["events"]![index]!);
                var bytes = Encoding.UTF8.GetBytes(body.ToJsonString());
                mutations++;

                var batch = Should.NotThrow(() => LineWebhookParser.ParseBatchUnverified(bytes), $"{fixture}: {description}");

                batch.Events.Count.ShouldBe(eventCount, $"{fixture}: {description}");
                for (var other = 0; other < eventCount; other++)
                {
                    var item = batch.Events[other];
                    if (item.Event is UnreadableEvent unreadable)
                    {
                        other.ShouldBe(index, $"{fixture}: {description} made an untouched event unreadable: {unreadable.Reason}");
                        unreadable.JsonPath.ShouldStartWith($"$.events[{index}]");
                        JsonEquality.FindDifference(Parse(item.Utf8Json.ToArray()), Parse(LineJson.Serialize(item.Event))).ShouldBeNull();
                        continue;
                    }

                    // Typed, touched or not: whatever was read writes back as it came (numbers compared by value).
                    var difference = JsonEquality.FindDifference(Parse(item.Utf8Json.ToArray()), Parse(LineJson.Serialize(item.Event)));
                    difference.ShouldBeNull($"{fixture}: {description}: event {other} does not write back as read");
                }
            }
        }

        mutations.ShouldBeGreaterThan(eventCount * 4);
    }

    [Theory]
    [MemberData(nameof(FixturesWithEvents))]
    public void RemovingARequiredPropertyIsReportedOnTheEventAndInTheProblems(string fixture)
    {
        var original = JsonNode.Parse(Fixtures.Read(fixture))!;
        var first = original["events"]![0]!.AsObject();
        foreach (var name in new[] { "timestamp", "mode", "webhookEventId", "deliveryContext" }.Where(first.ContainsKey))
        {
            var body = original.DeepClone();
            body["events"]![0]!.AsObject().Remove(name);

            var batch = LineWebhookParser.ParseBatchUnverified(Encoding.UTF8.GetBytes(body.ToJsonString()));

            var item = batch.Events[0];
            item.Event.ShouldNotBeOfType<UnreadableEvent>();
            if (item.Event is not ILineUnknownKind)
            {
                item.Event.MissingRequiredProperties.ShouldContain(name);
                item.MissingProperties.ShouldContain(p => p.EndsWith("." + name, StringComparison.Ordinal));
                batch.Problems.ShouldContain(p => p.Kind == LineWebhookProblemKind.RequiredPropertyMissing && p.JsonPath == "$.events[0]");
            }
        }
    }

    [Fact]
    public void ADestinationThatBreaksItsPatternReadsAndWritesBack()
    {
        var json = """{"destination":"U123","events":[]}""";

        var request = LineWebhookParser.ParseUnverified(Encoding.UTF8.GetBytes(json));

        request.Destination.ShouldBe("U123");
        LineJson.SerializeToString(request).ShouldBe(json);
    }

    [Fact]
    public void AFlexValueWrittenAsADecimalIntegerReads()
    {
        var json = """{"type":"box","layout":"vertical","contents":[],"flex":1.0}""";

        var box = LineJson.Parse<Line.Models.FlexBox>(json);

        box.Flex.ShouldBe(1);
    }

    [Fact]
    public void ANonIntegerWhereTheSpecHasAnIntegerIsAReadingErrorNamingThePathNotARoundedValue()
    {
        var json = """{"type":"box","layout":"vertical","contents":[{"type":"text","text":"a","flex":1.5}]}""";

        var exception = Should.Throw<JsonException>(() => LineJson.Parse<Line.Models.FlexBox>(json));

        exception.Path.ShouldBe("$.contents[0].flex");
        exception.Message.ShouldContain("1.5");
    }

    private static JsonElement Parse(byte[] json) => JsonDocument.Parse(json).RootElement.Clone();

    /// <summary>Every mutation of every property under <paramref name="node"/>, with a description for failure messages.</summary>
    private static IEnumerable<(string Description, Action<JsonNode> Mutate)> Mutations(JsonNode node, string path)
    {
        foreach (var (relative, parentPath, key) in Properties(node, string.Empty))
        {
            var at = path + relative;
            yield return ($"remove {at}", e => Parent(e, parentPath).AsObject().Remove(key));
            yield return ($"null {at}", e => Parent(e, parentPath).AsObject()[key] = null);
            var value = Parent(node, parentPath)[key];
            foreach (var (kind, replacement) in OtherTypes(value))
            {
                yield return ($"{kind} for {at}", e => Parent(e, parentPath).AsObject()[key] = replacement());
            }

            if (value is JsonValue number && number.GetValueKind() == JsonValueKind.Number && long.TryParse(number.ToJsonString(), out var integer))
            {
                yield return ($"{at} as {integer}.0", e => Parent(e, parentPath).AsObject()[key] = JsonNode.Parse(integer + ".0"));
            }
        }
    }

    private static IEnumerable<(string Kind, Func<JsonNode?> Value)> OtherTypes(JsonNode? value)
    {
        var kind = value?.GetValueKind();
        if (kind != JsonValueKind.String)
        {
            yield return ("a string", () => JsonValue.Create("x"));
        }

        if (kind != JsonValueKind.Number)
        {
            yield return ("a number", () => JsonValue.Create(7));
        }

        if (kind is not (JsonValueKind.True or JsonValueKind.False))
        {
            yield return ("a boolean", () => JsonValue.Create(true));
        }

        if (kind != JsonValueKind.Object)
        {
            yield return ("an object", () => new JsonObject());
        }

        if (kind != JsonValueKind.Array)
        {
            yield return ("an array", () => new JsonArray());
        }
    }

    /// <summary>(path for messages, path of the parent as keys/indices, property name) of every property at every depth.</summary>
    private static IEnumerable<(string Relative, string ParentPath, string Key)> Properties(JsonNode node, string parentPath)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj.ToList())
                {
                    yield return ($"{parentPath.Replace("/", ".", StringComparison.Ordinal)}.{key}", parentPath, key);
                    if (child is not null)
                    {
                        foreach (var nested in Properties(child, parentPath + "/" + key))
                        {
                            yield return nested;
                        }
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is { } item)
                    {
                        foreach (var nested in Properties(item, parentPath + "/#" + i))
                        {
                            yield return nested;
                        }
                    }
                }

                break;
        }
    }

    private static JsonNode Parent(JsonNode root, string parentPath)
    {
        var node = root;
        foreach (var segment in parentPath.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            node = segment.StartsWith('#') ? node[int.Parse(segment[1..], System.Globalization.CultureInfo.InvariantCulture)]! : node[segment]!;
        }

        return node;
    }
}
