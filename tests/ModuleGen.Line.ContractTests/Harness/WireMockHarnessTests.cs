using System;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Threading.Tasks;
using ModuleGen.Testing.WireMock;
using Shouldly;
using Xunit;

namespace ModuleGen.Line.ContractTests.Harness;

/// <summary>
/// The WireMock harness itself, against the real server with a plain HttpClient: if these fail, no contract test
/// result can be trusted.
/// </summary>
[Collection(WireMockCollection.Name)]
public sealed class WireMockHarnessTests(WireMockFixture wireMock) : IAsyncLifetime
{
    private const string PushPath = "/v2/bot/message/push";
    private const string PushBody = """{"to":"U4af4980629","messages":[{"type":"text","text":"Hello, world"}]}""";

    private WireMockAdmin Admin => wireMock.Admin;

    public Task InitializeAsync() => Admin.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task StubbedResponseIsServedAndJournalRecordsEveryHeader()
    {
        const string sentMessages = """{"sentMessages":[{"id":"461230966842064897","quoteToken":"IStG5h1Tz7b"}]}""";
        await Admin.StubAsync(StubBuilder.Post(PushPath)
            .WithHeader("Authorization", "Bearer channel-token")
            .WithHeaderMatching("X-Line-Retry-Key", "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
            .RespondJson(200, sentMessages, ("x-line-request-id", "d4e5f6a7")));
        using var client = wireMock.Server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, PushPath)
        {
            Content = new StringContent(PushBody, Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "channel-token");
        request.Headers.Add("X-Line-Retry-Key", "123e4567-e89b-12d3-a456-426614174000");

        using var response = await client.SendAsync(request);

        ((int)response.StatusCode).ShouldBe(200);
        (await response.Content.ReadAsStringAsync()).ShouldBe(sentMessages);
        response.Headers.GetValues("x-line-request-id").ShouldBe(["d4e5f6a7"]);
        response.Content.Headers.ContentType?.ToString().ShouldBe("application/json");

        var recorded = (await Admin.GetRequestsAsync()).ShouldHaveSingleItem();
        recorded.Method.ShouldBe("POST");
        recorded.Url.ShouldBe(PushPath);
        recorded.Path.ShouldBe(PushPath);
        recorded.Query.ShouldBeEmpty();
        recorded.WasMatched.ShouldBeTrue();
        recorded.Headers.Keys.Order(StringComparer.OrdinalIgnoreCase)
            .ShouldBe(["Authorization", "Content-Length", "Content-Type", "Host", "X-Line-Retry-Key"]);
        recorded.Header("authorization").ShouldBe("Bearer channel-token");
        recorded.Header("X-Line-Retry-Key").ShouldBe("123e4567-e89b-12d3-a456-426614174000");
        // HttpClient sends "charset=utf-8"; Jetty canonicalises the charset token before WireMock journals it.
        recorded.Header("Content-Type").ShouldBe("application/json; charset=UTF-8");
        recorded.Header("Content-Length").ShouldBe(Encoding.UTF8.GetByteCount(PushBody).ToString(CultureInfo.InvariantCulture));
        recorded.Header("Host").ShouldBe($"127.0.0.1:{wireMock.Server.Port.ToString(CultureInfo.InvariantCulture)}");
        recorded.Body.ShouldBe(PushBody);
        recorded.BodyBytes.ShouldBe(Encoding.UTF8.GetBytes(PushBody));
        (await Admin.GetUnmatchedRequestsAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task JournalKeepsTheUrlAsSentAndDecodesTheQuery()
    {
        await Admin.StubAsync(StubBuilder.Get("/v2/bot/followers/ids")
            .WithQueryParameter("start", "a/b c")
            .RespondJson(200, """{"userIds":[]}"""));
        using var client = wireMock.Server.CreateClient();
        const string url = "/v2/bot/followers/ids?limit=300&start=a%2Fb%20c&tag=x&tag=y&flag";

        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        ((int)response.StatusCode).ShouldBe(200);
        var recorded = (await Admin.GetRequestsAsync()).ShouldHaveSingleItem();
        recorded.Method.ShouldBe("GET");
        recorded.Url.ShouldBe(url);
        recorded.Path.ShouldBe("/v2/bot/followers/ids");
        recorded.Query.Keys.ShouldBe(["limit", "start", "tag", "flag"]);
        recorded.Query["limit"].ShouldBe(["300"]);
        recorded.Query["start"].ShouldBe(["a/b c"]);
        recorded.Query["tag"].ShouldBe(["x", "y"]);
        recorded.Query["flag"].ShouldBe([""]);
        recorded.Body.ShouldBe("");
        recorded.BodyBytes.ShouldBeEmpty();
    }

    [Fact]
    public async Task BodyViolatingTheJsonSchemaIsNotMatched()
    {
        await Admin.StubAsync(StubBuilder.Post(PushPath)
            .WithBodyMatchingJsonSchema("""
                {
                  "type": "object",
                  "required": ["to", "messages"],
                  "properties": {
                    "to": { "type": "string" },
                    "messages": { "type": "array", "minItems": 1, "maxItems": 5 }
                  }
                }
                """)
            .RespondJson(200, "{}"));
        using var client = wireMock.Server.CreateClient();
        const string violating = """{"to":42,"messages":[]}""";

        using var rejected = await client.PostAsync(PushPath, Json(violating));
        using var accepted = await client.PostAsync(PushPath, Json(PushBody));

        ((int)rejected.StatusCode).ShouldBe(404);
        ((int)accepted.StatusCode).ShouldBe(200);
        var journal = await Admin.GetRequestsAsync();
        journal.Select(r => (r.Body, r.WasMatched)).ShouldBe([(violating, false), (PushBody, true)]);
        var unmatched = (await Admin.GetUnmatchedRequestsAsync()).ShouldHaveSingleItem();
        unmatched.Body.ShouldBe(violating);
        unmatched.WasMatched.ShouldBeFalse();
    }

    [Fact]
    public async Task BodyEqualToJsonIgnoresFormattingAndOrderButNotValues()
    {
        await Admin.StubAsync(StubBuilder.Post("/v2/bot/message/validate/push")
            .WithBodyEqualToJson("""{"messages":[{"type":"text","text":"hi"}]}""")
            .RespondStatus(200));
        using var client = wireMock.Server.CreateClient();

        using var reformatted = await client.PostAsync("/v2/bot/message/validate/push", Json("""{ "messages" : [ { "text" : "hi", "type" : "text" } ] }"""));
        using var changed = await client.PostAsync("/v2/bot/message/validate/push", Json("""{"messages":[{"type":"text","text":"hello"}]}"""));

        ((int)reformatted.StatusCode).ShouldBe(200);
        ((int)changed.StatusCode).ShouldBe(404);
    }

    [Fact]
    public async Task StubRequiringAnAbsentHeaderIgnoresRequestsThatSendIt()
    {
        await Admin.StubAsync(StubBuilder.Get("/v2/bot/info").WithoutHeader("X-Line-Retry-Key").RespondStatus(204));
        using var client = wireMock.Server.CreateClient();
        using var withHeader = new HttpRequestMessage(HttpMethod.Get, "/v2/bot/info");
        withHeader.Headers.Add("X-Line-Retry-Key", "123e4567-e89b-12d3-a456-426614174000");

        using var rejected = await client.SendAsync(withHeader);
        using var accepted = await client.GetAsync(new Uri("/v2/bot/info", UriKind.Relative));

        ((int)rejected.StatusCode).ShouldBe(404);
        ((int)accepted.StatusCode).ShouldBe(204);
    }

    [Fact]
    public async Task ResetClearsJournalAndMappings()
    {
        await Admin.StubAsync(StubBuilder.Get("/v2/bot/info").RespondStatus(204));
        using var client = wireMock.Server.CreateClient();
        using var beforeReset = await client.GetAsync(new Uri("/v2/bot/info", UriKind.Relative));
        using var unmatchedBeforeReset = await client.GetAsync(new Uri("/nowhere", UriKind.Relative));
        (await Admin.GetRequestsAsync()).Count.ShouldBe(2);

        await Admin.ResetAsync();

        (await Admin.GetRequestsAsync()).ShouldBeEmpty();
        (await Admin.GetUnmatchedRequestsAsync()).ShouldBeEmpty();
        using var afterReset = await client.GetAsync(new Uri("/v2/bot/info", UriKind.Relative));
        ((int)beforeReset.StatusCode).ShouldBe(204);
        ((int)afterReset.StatusCode).ShouldBe(404);
        var recorded = (await Admin.GetRequestsAsync()).ShouldHaveSingleItem();
        recorded.Path.ShouldBe("/v2/bot/info");
        recorded.WasMatched.ShouldBeFalse();
    }

    [Fact]
    public async Task ScenarioServesFailureThenSuccess()
    {
        const string serverError = """{"message":"An error occurred in the server"}""";
        await Admin.StubAsync(StubBuilder.Post(PushPath)
            .InScenario("push-retry", StubBuilder.StartedState, newState: "recovered")
            .RespondJson(500, serverError));
        await Admin.StubAsync(StubBuilder.Post(PushPath)
            .InScenario("push-retry", "recovered")
            .RespondJson(200, """{"sentMessages":[]}"""));
        using var client = wireMock.Server.CreateClient();

        using var first = await client.PostAsync(PushPath, Json(PushBody));
        using var second = await client.PostAsync(PushPath, Json(PushBody));
        using var third = await client.PostAsync(PushPath, Json(PushBody));

        ((int)first.StatusCode).ShouldBe(500);
        (await first.Content.ReadAsStringAsync()).ShouldBe(serverError);
        ((int)second.StatusCode).ShouldBe(200);
        ((int)third.StatusCode).ShouldBe(200);
        (await Admin.GetRequestsAsync()).Select(r => r.WasMatched).ShouldBe([true, true, true]);
    }

    [Fact]
    public async Task BinaryBodyIsServedUnchanged()
    {
        var image = EveryByteValueTwice();
        await Admin.StubAsync(StubBuilder.Get("/v2/bot/message/461230966842064897/content")
            .RespondBinary(200, image, "image/jpeg"));
        using var client = wireMock.Server.CreateClient();

        using var response = await client.GetAsync(new Uri("/v2/bot/message/461230966842064897/content", UriKind.Relative));

        ((int)response.StatusCode).ShouldBe(200);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("image/jpeg");
        (await response.Content.ReadAsByteArrayAsync()).ShouldBe(image);
    }

    [Fact]
    public async Task BinaryRequestBodyIsRecordedByteForByte()
    {
        var image = EveryByteValueTwice();
        await Admin.StubAsync(StubBuilder.Post("/v2/bot/richmenu/richmenu-8dfdfc571eca39c0ffcd1f799519c5b5/content")
            .WithHeader("Content-Type", "image/png")
            .RespondStatus(200));
        using var client = wireMock.Server.CreateClient();
        using var content = new ByteArrayContent(image);
        content.Headers.ContentType = new MediaTypeHeaderValue("image/png");

        using var response = await client.PostAsync("/v2/bot/richmenu/richmenu-8dfdfc571eca39c0ffcd1f799519c5b5/content", content);

        ((int)response.StatusCode).ShouldBe(200);
        var recorded = (await Admin.GetRequestsAsync()).ShouldHaveSingleItem();
        recorded.BodyBytes.ShouldBe(image);
        recorded.Header("Content-Length").ShouldBe("512");
    }

    [Fact]
    public async Task ConnectionResetFaultFailsTheRequestAndIsStillJournaled()
    {
        await Admin.StubAsync(StubBuilder.Post(PushPath).RespondFault(WireMockFault.ConnectionResetByPeer));
        using var client = wireMock.Server.CreateClient();

        await Should.ThrowAsync<HttpRequestException>(() => client.PostAsync(PushPath, Json(PushBody)));

        var recorded = (await Admin.GetRequestsAsync()).ShouldHaveSingleItem();
        recorded.Body.ShouldBe(PushBody);
        recorded.WasMatched.ShouldBeTrue();
    }

    [Fact]
    public async Task FixedDelayHoldsTheResponseBack()
    {
        var delay = TimeSpan.FromMilliseconds(400);
        await Admin.StubAsync(StubBuilder.Get("/v2/bot/info").WithFixedDelay(delay).RespondStatus(200));
        using var client = wireMock.Server.CreateClient();
        var stopwatch = Stopwatch.StartNew();

        using var response = await client.GetAsync(new Uri("/v2/bot/info", UriKind.Relative));

        stopwatch.Elapsed.ShouldBeGreaterThanOrEqualTo(delay);
        ((int)response.StatusCode).ShouldBe(200);
    }

    [Fact]
    public async Task JournalListsRequestsOldestFirst()
    {
        await Admin.StubAsync(StubBuilder.Get("/order/2").RespondStatus(200));
        await Admin.StubAsync(StubBuilder.Get("/order/4").RespondStatus(200));
        using var client = wireMock.Server.CreateClient();

        foreach (var n in Enumerable.Range(1, 5))
        {
            using var response = await client.GetAsync(new Uri($"/order/{n.ToString(CultureInfo.InvariantCulture)}", UriKind.Relative));
        }

        (await Admin.GetRequestsAsync()).Select(r => (r.Path, r.WasMatched))
            .ShouldBe([("/order/1", false), ("/order/2", true), ("/order/3", false), ("/order/4", true), ("/order/5", false)]);
        (await Admin.GetUnmatchedRequestsAsync()).Select(r => r.Path).ShouldBe(["/order/1", "/order/3", "/order/5"]);
    }

    [Fact]
    public async Task RepeatedHeaderLinesAreRecordedAsSeparateValues()
    {
        // HttpClient folds repeated values into one comma-separated line, so write the request by hand.
        using (var tcp = new TcpClient())
        {
            await tcp.ConnectAsync("127.0.0.1", wireMock.Server.Port);
            var stream = tcp.GetStream();
            var port = wireMock.Server.Port.ToString(CultureInfo.InvariantCulture);
            await stream.WriteAsync(Encoding.ASCII.GetBytes(
                $"GET /repeated HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nX-Multi: one\r\nx-multi: two\r\nConnection: close\r\n\r\n"));
            await stream.CopyToAsync(System.IO.Stream.Null);
        }

        var recorded = (await Admin.GetRequestsAsync()).ShouldHaveSingleItem();
        recorded.Headers["X-MULTI"].ShouldBe(["one", "two"]);
        recorded.HasHeader("x-multi").ShouldBeTrue();
        Should.Throw<InvalidOperationException>(() => recorded.Header("X-Multi")).Message.ShouldContain("sent 2 times");
        recorded.HasHeader("Authorization").ShouldBeFalse();
        recorded.Header("Authorization").ShouldBeNull();
    }

    [Fact]
    public async Task MappingWireMockRejectsThrowsWithItsReason()
    {
        var exception = await Should.ThrowAsync<InvalidOperationException>(() =>
            Admin.StubAsync("""{"request":{"method":"GET","urlPath":"/x"},"response":{"fault":"NOT_A_FAULT"}}"""));

        exception.Message.ShouldStartWith("WireMock rejected the mapping with 422:");
        exception.Message.ShouldContain("/response/fault");
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static byte[] EveryByteValueTwice() =>
        Enumerable.Range(0, 512).Select(i => (byte)(i % 256)).ToArray();
}
