using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using ModuleGen.Line.Testing;
using ModuleGen.Line.Testing.Spec;
using Shouldly;
using Xunit;

namespace ModuleGen.Line.ContractTests.Harness;

/// <summary>
/// The fake platform must refuse what the spec rejects, even where a test stubbed the operation, or a passing contract
/// test would prove nothing. These send hand-made requests (not the client) and check the fake's verdict: the stub's
/// 200 when the request conforms, LINE's 400 (401 for the Authorization header, 403 without the bot id) with an error
/// body naming the problem when it does not.
/// </summary>
[Collection(LinePlatformCollection.Name)]
public sealed class SpecDerivedStubTests(LinePlatformFixture fixture) : IAsyncLifetime, IDisposable
{
    private const string BotId = "U5fac33f633e72c192759f09afc41fa28";
    private const string RetryKey = "123e4567-e89b-12d3-a456-426614174000";

    private readonly HttpClient http = new(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = fixture.Platform.BaseAddress };

    private static LineSpec Spec => LineSpec.Default;

    private LineFakePlatform Platform => fixture.Platform;

    public Task InitializeAsync()
    {
        Platform.Reset();
        return Task.CompletedTask;
    }

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
    public async Task AConformingPushGetsTheStubsAnswer()
    {
        await StubPush();

        (await Status(Push("""{"to":"U1","messages":[{"type":"text","text":"hi"},{"type":"sticker","packageId":"446","stickerId":"1988"}]}"""))).ShouldBe(HttpStatusCode.OK);
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
    public async Task ANonConformingPushBodyIsRefusedWith400NamingTheProblem(string why, string body)
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

        var refusal = await Refused(HttpStatusCode.BadRequest, Push(body), why);
        refusal.ShouldContain("the request body", Case.Insensitive, why);
    }

    [Fact]
    public async Task AnUnknownMessageTypeStillConformsBecauseThePolymorphismIsOpen()
    {
        await StubPush();

        (await Status(Push("""{"to":"U1","messages":[{"type":"hologram","depth":3}]}"""))).ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("no bot id", null, RetryKey, HttpStatusCode.Forbidden, "Access to this API is not available for your account")]
    [InlineData("bot id not of the OA form", "C5fac33f633e72c192759f09afc41fa28", RetryKey, HttpStatusCode.BadRequest, "X-Line-Bot-Id must be sent once and match")]
    [InlineData("no retry key", BotId, null, HttpStatusCode.BadRequest, "X-Line-Retry-Key must be sent once and be a UUID")]
    [InlineData("retry key not a UUID", BotId, "retry-1", HttpStatusCode.BadRequest, "X-Line-Retry-Key must be sent once and be a UUID")]
    public async Task PushHeadersOutsideTheSpecAreRefusedAsLineRefusesThem(string why, string? botId, string? retryKey, HttpStatusCode status, string message)
    {
        await StubPush();

        var refusal = await Refused(status, Push("""{"to":"U1","messages":[{"type":"text","text":"hi"}]}""", botId, retryKey), why);
        refusal.ShouldStartWith(message, Case.Sensitive, why);
    }

    [Fact]
    public async Task ReplyRefusesARetryKeyAndAnOperationWithoutBotScopeRefusesTheBotId()
    {
        Platform.Stub("replyMessage").RespondJson(200, """{"sentMessages":[]}""");
        Platform.Stub("verifyChannelTokenByJWT").RespondJson(200, """{"client_id":"1","expires_in":1,"scope":""}""");
        const string reply = """{"replyToken":"r","messages":[{"type":"text","text":"hi"}]}""";

        (await Send(HttpMethod.Post, "/v2/bot/message/reply", Json(reply), BotId, retryKey: null)).ShouldBe(HttpStatusCode.OK);
        (await Refused(HttpStatusCode.BadRequest, SendForResponse(HttpMethod.Post, "/v2/bot/message/reply", Json(reply), BotId, RetryKey)))
            .ShouldBe("X-Line-Retry-Key was sent; only push, multicast, narrowcast and broadcast may send it");
        (await Send(HttpMethod.Get, "/oauth2/v2.1/verify?access_token=t", content: null, botId: null, retryKey: null, bearer: false)).ShouldBe(HttpStatusCode.OK);
        (await Refused(HttpStatusCode.BadRequest, SendForResponse(HttpMethod.Get, "/oauth2/v2.1/verify?access_token=t", content: null, BotId, retryKey: null, bearer: false)))
            .ShouldBe("X-Line-Bot-Id was sent; the operation is not bot-scoped");
        (await Refused(HttpStatusCode.Unauthorized, SendForResponse(HttpMethod.Get, "/oauth2/v2.1/verify?access_token=t", content: null, botId: null, retryKey: null, bearer: true)))
            .ShouldBe("Authentication failed due to the following reason: an Authorization header was sent; the spec says the operation has none");
    }

    [Fact]
    public async Task AFormStubRequiresEveryRequiredFieldAndEnumValue()
    {
        Platform.Stub("issueChannelToken").RespondJson(200, """{"access_token":"a","expires_in":1,"token_type":"Bearer"}""");

        (await Form(("grant_type", "client_credentials"), ("client_id", "1"), ("client_secret", "s"))).ShouldBe(HttpStatusCode.OK);
        (await Refused(HttpStatusCode.BadRequest, FormForResponse(("grant_type", "client_credentials"), ("client_id", "1"))))
            .ShouldBe("the required form field 'client_secret' is missing");
        (await Refused(HttpStatusCode.BadRequest, FormForResponse(("grant_type", "password"), ("client_id", "1"), ("client_secret", "s"))))
            .ShouldBe("the form field 'grant_type' (password) does not match client_credentials");
    }

    [Fact]
    public async Task AMultipartStubRequiresEveryRequiredPart()
    {
        Platform.Stub("createAudienceForUploadingUserIds").RespondJson(202, """{"audienceGroupId":1}""");

        (await Status(Multipart(includeFile: true))).ShouldBe(HttpStatusCode.Accepted);
        (await Refused(HttpStatusCode.BadRequest, Multipart(includeFile: false))).ShouldBe("the required multipart part 'file' is missing");
    }

    [Fact]
    public async Task ABinaryUploadStubAcceptsOnlyTheDeclaredMediaTypes()
    {
        Platform.Stub("setRichMenuImage", ("richMenuId", "richmenu-1")).RespondStatus(200);

        (await Status(Binary("image/png"))).ShouldBe(HttpStatusCode.OK);
        (await Status(Binary("image/jpeg"))).ShouldBe(HttpStatusCode.OK);
        (await Refused(HttpStatusCode.BadRequest, Binary("image/gif"))).ShouldBe("Content-Type image/gif; the spec says image/jpeg or image/png");

        Task<HttpResponseMessage> Binary(string mediaType)
        {
            var content = new ByteArrayContent([0x89, 0x50, 0x4E, 0x47]);
            content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
            return SendForResponse(HttpMethod.Post, "/v2/bot/richmenu/richmenu-1/content", content, BotId, retryKey: null);
        }
    }

    [Fact]
    public void ViolationsNameEveryDepartureFromTheSpec()
    {
        var request = new LineRecordedRequest(
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

    private static async Task<HttpStatusCode> Status(Task<HttpResponseMessage> sending)
    {
        using var response = await sending;
        return response.StatusCode;
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private Task StubPush()
    {
        Platform.Stub("pushMessage").RespondJson(200, """{"sentMessages":[]}""");
        return Task.CompletedTask;
    }

    private Task<HttpResponseMessage> Push(string body, string? botId = BotId, string? retryKey = RetryKey) =>
        SendForResponse(HttpMethod.Post, "/v2/bot/message/push", Json(body), botId, retryKey);

    private Task<HttpStatusCode> Form(params (string Name, string Value)[] fields) => Status(FormForResponse(fields));

    private Task<HttpResponseMessage> FormForResponse(params (string Name, string Value)[] fields) =>
        SendForResponse(HttpMethod.Post, "/v2/oauth/accessToken", new FormUrlEncodedContent(fields.Select(field => KeyValuePair.Create(field.Name, field.Value))), botId: null, retryKey: null, bearer: false);

    /// <summary>
    /// The answer has <paramref name="status"/> and LINE's error body whose details list every problem, which the journal
    /// keeps as the refusal; returns the body's message.
    /// </summary>
    private async Task<string> Refused(HttpStatusCode status, Task<HttpResponseMessage> sending, string? why = null)
    {
        using var response = await sending;
        response.StatusCode.ShouldBe(status, why);
        using var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var message = error.RootElement.GetProperty("message").GetString().ShouldNotBeNull(why);
        var details = error.RootElement.GetProperty("details").EnumerateArray().Select(detail => detail.GetProperty("message").GetString());
        Platform.Requests[^1].Refusal.ShouldBe(string.Join("; ", details), why);
        return message;
    }

    private Task<HttpResponseMessage> Multipart(bool includeFile)
    {
        var content = new MultipartFormDataContent { { new StringContent("spring sale"), "description" } };
        if (includeFile)
        {
            var file = new ByteArrayContent(Encoding.UTF8.GetBytes("U1\nU2\n"));
            file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
            content.Add(file, "file", "ids.txt");
        }

        return SendForResponse(HttpMethod.Post, "/v2/bot/audienceGroup/upload/byFile", content, BotId, retryKey: null);
    }

    private Task<HttpStatusCode> Send(HttpMethod method, string url, HttpContent? content, string? botId, string? retryKey, bool bearer = true) =>
        Status(SendForResponse(method, url, content, botId, retryKey, bearer));

    private async Task<HttpResponseMessage> SendForResponse(HttpMethod method, string url, HttpContent? content, string? botId, string? retryKey, bool bearer = true)
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

        return await http.SendAsync(request);
    }
}
