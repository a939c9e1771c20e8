using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using ModuleGen.Testing.Spec;
using ModuleGen.Testing.WireMock;
using Shouldly;
using Xunit;

namespace ModuleGen.Line.ContractTests.Harness;

/// <summary>
/// The stubs every contract test builds from the spec must actually reject what the spec rejects, or a passing contract
/// test would prove nothing. These send hand-made requests (not the client) to spec-derived stubs and check WireMock's
/// verdict: 200 when the request conforms, 404 (no stub matched) when it does not.
/// </summary>
[Collection(WireMockCollection.Name)]
public sealed class SpecDerivedStubTests(WireMockFixture wireMock) : IAsyncLifetime, IDisposable
{
    private const string BotId = "U5fac33f633e72c192759f09afc41fa28";
    private const string RetryKey = "123e4567-e89b-12d3-a456-426614174000";

    private readonly HttpClient http = new(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = wireMock.BaseAddress };

    private static LineSpec Spec => LineSpec.Default;

    public Task InitializeAsync() => wireMock.Admin.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => http.Dispose();

    [Fact]
    public void EveryJsonRequestSchemaTranslatesToASelfContainedJsonSchema()
    {
        var jsonOperations = Spec.Operations.Where(operation => operation.RequestBody is { IsJson: true }).ToList();
        jsonOperations.Count.ShouldBe(32);
        foreach (var operation in jsonOperations)
        {
            var schema = Spec.RequestJsonSchema(operation.OperationId);
            var definitions = schema["definitions"] as JsonObject ?? [];
            foreach (var reference in References(schema))
            {
                reference.ShouldStartWith("#/definitions/", customMessage: operation.OperationId);
                definitions[reference["#/definitions/".Length..]].ShouldNotBeNull($"{operation.OperationId}: {reference} is not defined");
            }

            schema.ToJsonString().ShouldNotContain("\"discriminator\"", customMessage: operation.OperationId);
            schema.ToJsonString().ShouldNotContain("\"nullable\"", customMessage: operation.OperationId);
        }
    }

    [Fact]
    public void EveryOperationOfEveryFileIsReadAndTheTotalIs105()
    {
        Spec.Operations.Count.ShouldBe(105);
        Spec.Operations.GroupBy(operation => operation.File).ToDictionary(group => group.Key, group => group.Count()).ShouldBe(
            new Dictionary<string, int>
            {
                ["channel-access-token.yaml"] = 8,
                ["insight.yaml"] = 7,
                ["manage-audience.yaml"] = 12,
                ["messaging-api.yaml"] = 73,
                ["module-attach.yaml"] = 1,
                ["module.yaml"] = 4,
            },
            ignoreOrder: true);
        Spec.Operations.Count(operation => operation.RetryKeyHeader is not null).ShouldBe(4);
    }

    [Fact]
    public async Task AConformingPushMatches()
    {
        await StubPush();

        (await Push("""{"to":"U1","messages":[{"type":"text","text":"hi"},{"type":"sticker","packageId":"446","stickerId":"1988"}]}""")).ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("messages missing", """{"to":"U1"}""")]
    [InlineData("six messages (maxItems 5)", """{"to":"U1","messages":[{"type":"text","text":"1"},{"type":"text","text":"2"},{"type":"text","text":"3"},{"type":"text","text":"4"},{"type":"text","text":"5"},{"type":"text","text":"6"}]}""")]
    [InlineData("text message without text (discriminator branch)", """{"to":"U1","messages":[{"type":"text"}]}""")]
    [InlineData("text longer than 5000", "LONG_TEXT")]
    [InlineData("sticker with a numeric packageId", """{"to":"U1","messages":[{"type":"sticker","packageId":446,"stickerId":"1988"}]}""")]
    [InlineData("flex box without layout (nested discriminator)", """{"to":"U1","messages":[{"type":"flex","altText":"a","contents":{"type":"bubble","body":{"type":"box","contents":[]}}}]}""")]
    [InlineData("quick reply item with an action missing its label", """{"to":"U1","messages":[{"type":"text","text":"q","quickReply":{"items":[{"type":"action","action":{"type":"message"}}]}}]}""")]
    [InlineData("notificationDisabled as a string", """{"to":"U1","messages":[{"type":"text","text":"x"}],"notificationDisabled":"yes"}""")]
    public async Task ANonConformingPushBodyMatchesNoStub(string why, string body)
    {
        await StubPush();
        if (body == "LONG_TEXT")
        {
            body = new JsonObject
            {
                ["to"] = "U1",
                ["messages"] = new JsonArray(new JsonObject { ["type"] = "text", ["text"] = new string('x', 5001) }),
            }.ToJsonString();
        }

        (await Push(body)).ShouldBe(HttpStatusCode.NotFound, why);
    }

    [Fact]
    public async Task AnUnknownMessageTypeStillMatchesBecauseThePolymorphismIsOpen()
    {
        await StubPush();

        (await Push("""{"to":"U1","messages":[{"type":"hologram","depth":3}]}""")).ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("no bot id", null, RetryKey)]
    [InlineData("bot id not of the OA form", "C5fac33f633e72c192759f09afc41fa28", RetryKey)]
    [InlineData("no retry key", BotId, null)]
    [InlineData("retry key not a UUID", BotId, "retry-1")]
    public async Task PushHeadersOutsideTheSpecMatchNoStub(string why, string? botId, string? retryKey)
    {
        await StubPush();

        (await Push("""{"to":"U1","messages":[{"type":"text","text":"hi"}]}""", botId, retryKey)).ShouldBe(HttpStatusCode.NotFound, why);
    }

    [Fact]
    public async Task ReplyRefusesARetryKeyAndAnOperationWithoutBotScopeRefusesTheBotId()
    {
        await wireMock.Admin.StubAsync(Spec.Stub("replyMessage").RespondJson(200, """{"sentMessages":[]}"""));
        await wireMock.Admin.StubAsync(Spec.Stub("verifyChannelTokenByJWT").RespondJson(200, """{"client_id":"1","expires_in":1,"scope":""}"""));
        const string reply = """{"replyToken":"r","messages":[{"type":"text","text":"hi"}]}""";

        (await Send(HttpMethod.Post, "/v2/bot/message/reply", Json(reply), BotId, retryKey: null)).ShouldBe(HttpStatusCode.OK);
        (await Send(HttpMethod.Post, "/v2/bot/message/reply", Json(reply), BotId, RetryKey)).ShouldBe(HttpStatusCode.NotFound);
        (await Send(HttpMethod.Get, "/oauth2/v2.1/verify?access_token=t", content: null, botId: null, retryKey: null, bearer: false)).ShouldBe(HttpStatusCode.OK);
        (await Send(HttpMethod.Get, "/oauth2/v2.1/verify?access_token=t", content: null, BotId, retryKey: null, bearer: false)).ShouldBe(HttpStatusCode.NotFound);
        (await Send(HttpMethod.Get, "/oauth2/v2.1/verify?access_token=t", content: null, botId: null, retryKey: null, bearer: true)).ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AFormStubRequiresEveryRequiredFieldAndEnumValue()
    {
        await wireMock.Admin.StubAsync(Spec.Stub("issueChannelToken").RespondJson(200, """{"access_token":"a","expires_in":1,"token_type":"Bearer"}"""));

        (await Form(("grant_type", "client_credentials"), ("client_id", "1"), ("client_secret", "s"))).ShouldBe(HttpStatusCode.OK);
        (await Form(("grant_type", "client_credentials"), ("client_id", "1"))).ShouldBe(HttpStatusCode.NotFound);
        (await Form(("grant_type", "password"), ("client_id", "1"), ("client_secret", "s"))).ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AMultipartStubRequiresEveryRequiredPart()
    {
        await wireMock.Admin.StubAsync(Spec.Stub("createAudienceForUploadingUserIds").RespondJson(202, """{"audienceGroupId":1}"""));

        (await Multipart(includeFile: true)).ShouldBe(HttpStatusCode.Accepted);
        (await Multipart(includeFile: false)).ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ABinaryUploadStubAcceptsOnlyTheDeclaredMediaTypes()
    {
        await wireMock.Admin.StubAsync(Spec.Stub("setRichMenuImage", ("richMenuId", "richmenu-1")).RespondStatus(200));

        (await Binary("image/png")).ShouldBe(HttpStatusCode.OK);
        (await Binary("image/jpeg")).ShouldBe(HttpStatusCode.OK);
        (await Binary("image/gif")).ShouldBe(HttpStatusCode.NotFound);

        async Task<HttpStatusCode> Binary(string mediaType)
        {
            var content = new ByteArrayContent([0x89, 0x50, 0x4E, 0x47]);
            content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
            return await Send(HttpMethod.Post, "/v2/bot/richmenu/richmenu-1/content", content, BotId, retryKey: null);
        }
    }

    [Fact]
    public void ViolationsNameEveryDepartureFromTheSpec()
    {
        var request = new RecordedRequest(
            "GET",
            "/v2/bot/message/push?dryRun=true",
            "/v2/bot/message/push",
            new Dictionary<string, IReadOnlyList<string>> { ["dryRun"] = ["true"] },
            new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase)
            {
                ["X-Line-Bot-Id"] = ["not-a-bot"],
            },
            "",
            [],
            WasMatched: false,
            DateTimeOffset.UnixEpoch);

        Spec.Violations("pushMessage", request).ShouldBe(
        [
            "method GET, the spec says POST",
            "query parameter 'dryRun' is not declared",
            "Authorization must start with 'Bearer '",
            "X-Line-Bot-Id must be sent once and match U[0-9a-f]{32} (sent: not-a-bot)",
            "X-Line-Retry-Key must be sent once and be a UUID (sent: )",
            "no Content-Type; the operation requires a body",
        ]);
    }

    private static IEnumerable<string> References(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    if (key == "$ref")
                    {
                        yield return value!.GetValue<string>();
                    }
                    else
                    {
                        foreach (var nested in References(value))
                        {
                            yield return nested;
                        }
                    }
                }

                break;
            case JsonArray array:
                foreach (var nested in array.SelectMany(References))
                {
                    yield return nested;
                }

                break;
        }
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private Task StubPush() => wireMock.Admin.StubAsync(Spec.Stub("pushMessage").RespondJson(200, """{"sentMessages":[]}"""));

    private Task<HttpStatusCode> Push(string body, string? botId = BotId, string? retryKey = RetryKey) =>
        Send(HttpMethod.Post, "/v2/bot/message/push", Json(body), botId, retryKey);

    private Task<HttpStatusCode> Form(params (string Name, string Value)[] fields) =>
        Send(HttpMethod.Post, "/v2/oauth/accessToken", new FormUrlEncodedContent(fields.Select(field => KeyValuePair.Create(field.Name, field.Value))), botId: null, retryKey: null, bearer: false);

    private Task<HttpStatusCode> Multipart(bool includeFile)
    {
        var content = new MultipartFormDataContent { { new StringContent("spring sale"), "description" } };
        if (includeFile)
        {
            var file = new ByteArrayContent(Encoding.UTF8.GetBytes("U1\nU2\n"));
            file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
            content.Add(file, "file", "ids.txt");
        }

        return Send(HttpMethod.Post, "/v2/bot/audienceGroup/upload/byFile", content, BotId, retryKey: null);
    }

    private async Task<HttpStatusCode> Send(HttpMethod method, string url, HttpContent? content, string? botId, string? retryKey, bool bearer = true)
    {
        using var request = new HttpRequestMessage(method, url) { Content = content };
        if (bearer)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "token");
        }

        if (botId is not null)
        {
            request.Headers.Add("X-Line-Bot-Id", botId);
        }

        if (retryKey is not null)
        {
            request.Headers.Add("X-Line-Retry-Key", retryKey);
        }

        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }
}
