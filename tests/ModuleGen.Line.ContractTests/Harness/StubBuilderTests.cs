using System;
using System.Text.Json.Nodes;
using ModuleGen.Testing.WireMock;
using Shouldly;
using Xunit;

namespace ModuleGen.Line.ContractTests.Harness;

/// <summary>The mapping JSON StubBuilder writes, field by field, in WireMock 3's mapping format.</summary>
public sealed class StubBuilderTests
{
    [Fact]
    public void EveryRequestMatcherScenarioAndDelayLandsInTheMapping()
    {
        var mapping = StubBuilder.Post("/v2/bot/message/push")
            .WithHeader("Authorization", "Bearer token")
            .WithHeaderMatching("X-Line-Retry-Key", "[0-9a-f-]{36}")
            .WithoutHeader("X-Line-Bot-Id")
            .WithQueryParameter("dryRun", "true")
            .WithBodyMatchingJsonSchema("""{"type":"object"}""")
            .WithBodyEqualToJson("""{"to":"U1"}""", ignoreArrayOrder: true, ignoreExtraElements: true)
            .WithPriority(1)
            .InScenario("retry", StubBuilder.StartedState, newState: "failed-once")
            .WithFixedDelay(TimeSpan.FromMilliseconds(1500))
            .RespondJson(500, """{"message":"boom"}""", ("x-line-request-id", "r1"));

        ShouldBeJson(mapping, """
            {
              "priority": 1,
              "scenarioName": "retry",
              "requiredScenarioState": "Started",
              "newScenarioState": "failed-once",
              "request": {
                "method": "POST",
                "urlPath": "/v2/bot/message/push",
                "headers": {
                  "Authorization": { "equalTo": "Bearer token" },
                  "X-Line-Retry-Key": { "matches": "[0-9a-f-]{36}" },
                  "X-Line-Bot-Id": { "absent": true }
                },
                "queryParameters": { "dryRun": { "equalTo": "true" } },
                "bodyPatterns": [
                  { "matchesJsonSchema": { "type": "object" }, "schemaVersion": "V7" },
                  { "equalToJson": { "to": "U1" }, "ignoreArrayOrder": true, "ignoreExtraElements": true }
                ]
              },
              "response": {
                "status": 500,
                "headers": { "x-line-request-id": "r1", "Content-Type": "application/json" },
                "body": "{\"message\":\"boom\"}",
                "fixedDelayMilliseconds": 1500
              }
            }
            """);
    }

    [Fact]
    public void ExplicitContentTypeReplacesTheJsonDefault()
    {
        var mapping = StubBuilder.Get("/v2/bot/info").RespondJson(200, "{}", ("content-type", "application/problem+json"));

        ShouldBeJson(mapping["response"], """
            { "status": 200, "headers": { "content-type": "application/problem+json" }, "body": "{}" }
            """);
    }

    [Fact]
    public void BinaryStatusAndFaultResponsesUseWireMocksFields()
    {
        var builder = StubBuilder.For("ANY", "/content");

        ShouldBeJson(builder.RespondBinary(200, [0, 1, 254, 255], "image/jpeg")["response"], """
            { "status": 200, "headers": { "Content-Type": "image/jpeg" }, "base64Body": "AAH+/w==" }
            """);
        ShouldBeJson(builder.RespondStatus(429, ("Retry-After", "2"))["response"], """
            { "status": 429, "headers": { "Retry-After": "2" } }
            """);
        ShouldBeJson(builder.RespondFault(WireMockFault.EmptyResponse)["response"], """
            { "fault": "EMPTY_RESPONSE" }
            """);
    }

    private static void ShouldBeJson(JsonNode? actual, string expected)
    {
        var expectedNode = JsonNode.Parse(expected);
        JsonNode.DeepEquals(actual, expectedNode).ShouldBeTrue(
            $"expected {expectedNode?.ToJsonString()}\n but was {actual?.ToJsonString()}");
    }
}
