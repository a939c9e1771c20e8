using System;
using System.Linq;
using System.Net.Http;
using System.Text.Json.Nodes;
using ModuleGen.Line.Testing.Spec;
using ModuleGen.Line.Testing;
using Shouldly;

namespace ModuleGen.Line.ContractTests.Messaging;

/// <summary>
/// The Messaging API, Insight, Manage Audience and channel access token clients wired to the fake platform (every spec
/// server, api.line.me and api-data.line.me, maps to it), with bot-scoped clients for <see cref="BotId"/>.
/// </summary>
internal sealed class MessagingApiClients : IDisposable
{
    public const string Token = "messaging-channel-token";
    public const string BotId = "U5fac33f633e72c192759f09afc41fa28";
    public const string UserId = "LUb577ef3cbe786a8da85ff8e902a03fc6-U5fac33f633e72c192759f09afc41fa28";
    public const string OtherUserId = "LUc0ffee00000000000000000000000001-U5fac33f633e72c192759f09afc41fa28";
    public const string GroupId = "Ca56f94637c0b1ea7d4c6d2ac7a8a5d1f";

    /// <summary>The Content-Type a JSON body arrives with in WireMock's journal (Jetty upper-cases the charset).</summary>
    public const string JsonContentType = "application/json; charset=utf-8";

    private readonly HttpClient _httpClient;

    public MessagingApiClients(LineFakePlatform platform)
    {
        _httpClient = platform.CreateHttpClient();
        var options = new LineClientOptions();
        platform.MapEndpoints(options.Endpoints);
        Pipeline = new LineClientPipeline(
            _httpClient,
            options,
            new LineStaticAccessTokenProvider(Token),
            new LineChannelCredentials("1234567890", "0123456789abcdef0123456789abcdef"));
        Messaging = new MessagingApiClient(Pipeline);
        Bot = Messaging.ForBot(BotId);
        InsightBot = new InsightClient(Pipeline).ForBot(BotId);
        AudienceBot = new ManageAudienceClient(Pipeline).ForBot(BotId);
        Tokens = new ChannelAccessTokenClient(Pipeline);
    }

    public LineClientPipeline Pipeline { get; }

    public MessagingApiClient Messaging { get; }

    public MessagingApiBotClient Bot { get; }

    public InsightBotClient InsightBot { get; }

    public ManageAudienceBotClient AudienceBot { get; }

    /// <summary>The channel access token operations (no bot id, no Authorization header).</summary>
    public ChannelAccessTokenClient Tokens { get; }

    public void Dispose() => _httpClient.Dispose();

    /// <summary>
    /// A bot-scoped call without a body: conforms to <paramref name="operationId"/>, has exactly this method, path and query,
    /// (a name given several times is a repeated parameter, values in order), the bot's auth, no retry key, no Content-Type
    /// and no body.
    /// </summary>
    public static void ShouldBeBodylessBotCall(LineRecordedRequest request, string operationId, string method, string path, params (string Name, string Value)[] query)
    {
        request.ShouldConformTo(operationId);
        request.Method.ShouldBe(method);
        request.Path.ShouldBe(path);
        var expected = query.GroupBy(parameter => parameter.Name, StringComparer.Ordinal).ToList();
        request.Query.Keys.OrderBy(name => name, StringComparer.Ordinal)
            .ShouldBe(expected.Select(group => group.Key).OrderBy(name => name, StringComparer.Ordinal), $"query parameters of {request.Url}");
        foreach (var group in expected)
        {
            request.Query[group.Key].ShouldBe(group.Select(parameter => parameter.Value), $"query parameter '{group.Key}'");
        }

        ShouldCarryBotAuth(request);
        request.HasHeader("X-Line-Retry-Key").ShouldBeFalse();
        request.HasHeader("Content-Type").ShouldBeFalse();
        request.Body.ShouldBeEmpty();
    }

    /// <summary>
    /// A bot-scoped call with a JSON body and no query: conforms to <paramref name="operationId"/>, has exactly this method
    /// and path, the bot's auth, no retry key, a JSON Content-Type and a body JSON-equal to <paramref name="expectedJson"/>.
    /// </summary>
    public static void ShouldBeJsonBotCall(LineRecordedRequest request, string operationId, string method, string path, string expectedJson)
    {
        request.ShouldConformTo(operationId);
        request.Method.ShouldBe(method);
        request.Path.ShouldBe(path);
        request.Query.ShouldBeEmpty();
        ShouldCarryBotAuth(request);
        request.HasHeader("X-Line-Retry-Key").ShouldBeFalse();
        request.Header("Content-Type").ShouldBe(JsonContentType);
        ShouldBeJson(request.Body, expectedJson);
    }

    /// <summary>The headers every bot-scoped call sends: bearer token and the bot id.</summary>
    public static void ShouldCarryBotAuth(LineRecordedRequest request)
    {
        request.Header("Authorization").ShouldBe("Bearer " + Token);
        request.Header("X-Line-Bot-Id").ShouldBe(BotId);
    }

    /// <summary>The X-Line-Retry-Key was sent once and is a UUID.</summary>
    public static string ShouldCarryRetryKey(LineRecordedRequest request)
    {
        var key = request.Header("X-Line-Retry-Key").ShouldNotBeNull();
        Guid.TryParseExact(key, "D", out _).ShouldBeTrue($"X-Line-Retry-Key '{key}' is not a UUID");
        return key;
    }

    /// <summary>JSON equality ignoring property order and formatting.</summary>
    public static void ShouldBeJson(string actual, string expected)
    {
        var actualNode = JsonNode.Parse(actual);
        var expectedNode = JsonNode.Parse(expected);
        JsonNode.DeepEquals(actualNode, expectedNode).ShouldBeTrue(
            $"expected JSON {expectedNode?.ToJsonString()} but the body was {actualNode?.ToJsonString()}");
    }
}
