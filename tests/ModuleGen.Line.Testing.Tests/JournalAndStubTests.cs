using System;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Threading.Tasks;
using ModuleGen.Line.Testing.Tests.Infrastructure;
using Shouldly;
using Xunit;

namespace ModuleGen.Line.Testing.Tests;

/// <summary>
/// The fake's journal and stubs, with a plain HttpClient: if these fail, no contract test result can be trusted.
/// (They were the harness tests of the Java WireMock driver; WireMock.Net in-process does the same jobs here.)
/// </summary>
public sealed class JournalAndStubTests : IDisposable
{
    private const string BotId = "U5fac33f633e72c192759f09afc41fa28";
    private const string PushPath = "/v2/bot/message/push";
    private const string PushBody = """{"to":"U4af4980629","messages":[{"type":"text","text":"Hello, world"}]}""";

    private readonly LineFakePlatform platform = LineFakePlatform.Start();
    private readonly HttpClient client;

    public JournalAndStubTests() => client = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = platform.BaseAddress };

    public void Dispose()
    {
        client.Dispose();
        platform.Dispose();
    }

    [Fact]
    public async Task AStubbedAnswerIsServedAndTheJournalRecordsEveryHeader()
    {
        const string sentMessages = """{"sentMessages":[{"id":"461230966842064897","quoteToken":"IStG5h1Tz7b"}]}""";
        platform.Stub("pushMessage").WithHeader("Authorization", "Bearer channel-token").RespondJson(200, sentMessages, ("x-line-request-id", "d4e5f6a7"));
        using var request = new HttpRequestMessage(HttpMethod.Post, PushPath) { Content = Json(PushBody) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "channel-token");
        request.Headers.Add("X-Line-Retry-Key", RawRequests.RetryKey);
        request.Headers.Add("X-Line-Bot-Id", BotId);

        using var response = await client.SendAsync(request);

        ((int)response.StatusCode).ShouldBe(200);
        (await response.Content.ReadAsStringAsync()).ShouldBe(sentMessages);
        response.Headers.GetValues("x-line-request-id").ShouldBe(["d4e5f6a7"]);
        response.Content.Headers.ContentType?.ToString().ShouldBe("application/json");
        var recorded = platform.Requests.ShouldHaveSingleItem();
        recorded.Method.ShouldBe("POST");
        recorded.OperationId.ShouldBe("pushMessage");
        recorded.Conformed.ShouldBeTrue();
        recorded.RequestId.ShouldBe("d4e5f6a7");
        recorded.Headers.Keys.Order(StringComparer.OrdinalIgnoreCase)
            .ShouldBe(["Authorization", "Content-Length", "Content-Type", "Host", "X-Line-Bot-Id", "X-Line-Retry-Key"]);
        recorded.Header("authorization").ShouldBe("Bearer channel-token");
        recorded.Header("X-Line-Retry-Key").ShouldBe(RawRequests.RetryKey);
        recorded.Header("Content-Type").ShouldBe("application/json; charset=utf-8");
        recorded.Header("Content-Length").ShouldBe(Encoding.UTF8.GetByteCount(PushBody).ToString(CultureInfo.InvariantCulture));
        recorded.Header("Host").ShouldBe(platform.BaseAddress.Authority);
        recorded.Body.ShouldBe(PushBody);
        recorded.BodyBytes.ShouldBe(Encoding.UTF8.GetBytes(PushBody));
    }

    [Fact]
    public async Task TheJournalKeepsTheUrlAsSentAndDecodesTheQuery()
    {
        platform.Stub("getFollowers").WithQueryParameter("start", "a/b c").RespondJson(200, """{"userIds":[]}""");
        const string url = "/v2/bot/followers/ids?limit=300&start=a%2Fb%20c&limit=2";

        using var response = await platform.SendAsync(HttpMethod.Get, url, botId: BotId);

        var recorded = platform.Requests.ShouldHaveSingleItem();
        recorded.Url.ShouldBe(url);
        recorded.Path.ShouldBe("/v2/bot/followers/ids");
        recorded.Query.Keys.ShouldBe(["limit", "start"]);
        recorded.Query["limit"].ShouldBe(["300", "2"]);
        recorded.Query["start"].ShouldBe(["a/b c"]);
        recorded.Body.ShouldBe("");
        recorded.BodyBytes.ShouldBeEmpty();
    }

    [Fact]
    public async Task AnEscapedPathSegmentIsRecordedAsSentAndStillNamesItsOperation()
    {
        using var response = await platform.SendAsync(HttpMethod.Get, "/v2/bot/profile/a%2Fb%20c", botId: BotId);

        var recorded = platform.Requests.ShouldHaveSingleItem();
        recorded.Url.ShouldBe("/v2/bot/profile/a%2Fb%20c");
        recorded.OperationId.ShouldBe("getProfile");
    }

    [Fact]
    public async Task ABodyThatBreaksTheSchemaIsRefusedWith400AndJournaledWithItsRefusal()
    {
        platform.Stub("pushMessage").RespondJson(200, "{}");
        const string violating = """{"to":42,"messages":[]}""";

        using var refused = await platform.SendAsync(HttpMethod.Post, PushPath, violating, BotId, RawRequests.RetryKey);
        using var accepted = await platform.SendAsync(HttpMethod.Post, PushPath, PushBody, BotId, RawRequests.RetryKey);

        ((int)refused.StatusCode).ShouldBe(400);
        ((int)accepted.StatusCode).ShouldBe(200);
        platform.Requests.Select(r => (r.Body, r.Conformed)).ShouldBe([(violating, false), (PushBody, true)]);
        platform.Requests[0].Refusal.ShouldNotBeNull().ShouldContain("the request body breaks the schema");
    }

    [Fact]
    public async Task AStubWithABodyEqualToJsonIgnoresFormattingButNotValues()
    {
        platform.Stub("validatePush").WithBodyEqualToJson("""{"messages":[{"type":"text","text":"hi"}]}""").RespondStatus(200);
        platform.Stub("validatePush").WithPriority(9).RespondStatus(418);

        using var reformatted = await platform.SendAsync(HttpMethod.Post, "/v2/bot/message/validate/push", """{ "messages" : [ { "text" : "hi", "type" : "text" } ] }""", BotId);
        using var changed = await platform.SendAsync(HttpMethod.Post, "/v2/bot/message/validate/push", """{"messages":[{"type":"text","text":"hello"}]}""", BotId);

        ((int)reformatted.StatusCode).ShouldBe(200);
        ((int)changed.StatusCode).ShouldBe(418);
    }

    [Fact]
    public async Task AStubRequiringAnAbsentHeaderIsPassedOverWhenTheHeaderIsSent()
    {
        platform.AttachBot(BotId);
        platform.Stub("getBotInfo").WithoutHeader("X-Trace").RespondStatus(204);
        using var withHeader = new HttpRequestMessage(HttpMethod.Get, "/v2/bot/info");
        withHeader.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "t");
        withHeader.Headers.Add("X-Line-Bot-Id", BotId);
        withHeader.Headers.Add("X-Trace", "1");

        using var passedOver = await client.SendAsync(withHeader);
        using var stubbed = await platform.SendAsync(HttpMethod.Get, "/v2/bot/info", botId: BotId);

        ((int)passedOver.StatusCode).ShouldBe(200);
        ((int)stubbed.StatusCode).ShouldBe(204);
    }

    [Fact]
    public async Task ResetForgetsTheJournalStubsFaultsAndState()
    {
        platform.AttachBot(BotId);
        platform.Stub("getBotInfo").RespondStatus(204);
        platform.Faults.Next("getFollowers").RateLimited();
        using var before = await platform.SendAsync(HttpMethod.Get, "/v2/bot/info", botId: BotId);
        using var nowhere = await platform.SendAsync(HttpMethod.Get, "/nowhere");
        platform.Requests.Count.ShouldBe(2);

        platform.Reset();

        platform.Requests.ShouldBeEmpty();
        platform.AttachedBots.ShouldBeEmpty();
        platform.Faults.Pending("getFollowers").ShouldBe(0);
        using var after = await platform.SendAsync(HttpMethod.Get, "/v2/bot/info", botId: BotId);
        ((int)before.StatusCode).ShouldBe(204);
        ((int)nowhere.StatusCode).ShouldBe(404);
        ((int)after.StatusCode).ShouldBe(403);
    }

    [Fact]
    public async Task ABinaryAnswerIsServedUnchanged()
    {
        var image = EveryByteValueTwice();
        platform.Stub("getMessageContent", ("messageId", "461230966842064897")).RespondBinary(200, image, "image/jpeg");

        using var response = await platform.SendAsync(HttpMethod.Get, "/v2/bot/message/461230966842064897/content", botId: BotId);

        ((int)response.StatusCode).ShouldBe(200);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("image/jpeg");
        (await response.Content.ReadAsByteArrayAsync()).ShouldBe(image);
    }

    [Fact]
    public async Task ABinaryRequestBodyIsRecordedByteForByte()
    {
        var image = EveryByteValueTwice();
        platform.Stub("setRichMenuImage", ("richMenuId", "richmenu-8dfdfc571eca39c0ffcd1f799519c5b5")).RespondStatus(200);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v2/bot/richmenu/richmenu-8dfdfc571eca39c0ffcd1f799519c5b5/content") { Content = new ByteArrayContent(image) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "t");
        request.Headers.Add("X-Line-Bot-Id", BotId);

        using var response = await client.SendAsync(request);

        ((int)response.StatusCode).ShouldBe(200);
        var recorded = platform.Requests.ShouldHaveSingleItem();
        recorded.BodyBytes.ShouldBe(image);
        recorded.Header("Content-Length").ShouldBe("512");
    }

    [Fact]
    public async Task AStubDelayHoldsTheAnswerBack()
    {
        var delay = TimeSpan.FromMilliseconds(400);
        platform.Stub("getBotInfo").WithFixedDelay(delay).RespondStatus(200);
        var stopwatch = Stopwatch.StartNew();

        using var response = await platform.SendAsync(HttpMethod.Get, "/v2/bot/info", botId: BotId);

        stopwatch.Elapsed.ShouldBeGreaterThanOrEqualTo(delay);
        ((int)response.StatusCode).ShouldBe(200);
    }

    [Fact]
    public async Task TheJournalListsRequestsOldestFirstAndPathsLineDoesNotServeGet404()
    {
        foreach (var path in new[] { "/order/1", "/v2/bot/info", "/order/3" })
        {
            using var response = await platform.SendAsync(HttpMethod.Get, path, botId: BotId);
        }

        platform.Requests.Select(r => (r.Path, r.OperationId, r.Status))
            .ShouldBe([("/order/1", null, 404), ("/v2/bot/info", "getBotInfo", 403), ("/order/3", null, 404)]);
    }

    [Fact]
    public async Task RepeatedHeaderLinesAreRecordedAsSeparateValues()
    {
        // HttpClient folds repeated values into one comma-separated line, so write the request by hand.
        using (var tcp = new TcpClient())
        {
            await tcp.ConnectAsync("127.0.0.1", platform.BaseAddress.Port);
            var stream = tcp.GetStream();
            await stream.WriteAsync(Encoding.ASCII.GetBytes(
                $"GET /repeated HTTP/1.1\r\nHost: {platform.BaseAddress.Authority}\r\nX-Multi: one\r\nx-multi: two\r\nConnection: close\r\n\r\n"));
            await stream.CopyToAsync(System.IO.Stream.Null);
        }

        var recorded = platform.Requests.ShouldHaveSingleItem();
        recorded.Headers["X-MULTI"].ShouldBe(["one", "two"]);
        recorded.HasHeader("x-multi").ShouldBeTrue();
        Should.Throw<InvalidOperationException>(() => recorded.Header("X-Multi")).Message.ShouldContain("sent 2 times");
        recorded.HasHeader("Authorization").ShouldBeFalse();
        recorded.Header("Authorization").ShouldBeNull();
    }

    [Fact]
    public void AStubGetsOneAnswerAndAnUnknownOperationIsATypedError()
    {
        var stub = platform.Stub("getBotInfo").RespondStatus(200);

        Should.Throw<InvalidOperationException>(() => stub.RespondStatus(500)).Message.ShouldContain("already has a response");
        Should.Throw<System.Collections.Generic.KeyNotFoundException>(() => platform.Stub("getBotInformation"));
    }

    [Fact]
    public void EveryLineHostOfTheSpecIsMappedToTheFake()
    {
        var endpoints = platform.MapEndpoints(new LineEndpoints());

        foreach (var host in new[] { "https://api.line.me", "https://api-data.line.me", "https://manager.line.biz" })
        {
            endpoints.Resolve(host).ShouldBe(platform.BaseAddress, host);
        }

        endpoints.Resolve("https://example.com").ShouldBe(new Uri("https://example.com"));
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static byte[] EveryByteValueTwice() => Enumerable.Range(0, 512).Select(i => (byte)(i % 256)).ToArray();
}
