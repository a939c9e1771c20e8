using System;
using System.Net.Http;
using ModuleGen.Line.Testing;
using ModuleGen.Line.Testing.Spec;
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
        ShouldBeBotCall(request, operationId, method, path, query);
        request.HasHeader("X-Line-Retry-Key").ShouldBeFalse();
        request.ShouldHaveNoBody();
    }

    /// <summary>
    /// A bot-scoped call with a JSON body and no query: conforms to <paramref name="operationId"/>, has exactly this method
    /// and path, the bot's auth, no retry key, a JSON Content-Type and a body JSON-equal to <paramref name="expectedJson"/>.
    /// </summary>
    public static void ShouldBeJsonBotCall(LineRecordedRequest request, string operationId, string method, string path, string expectedJson)
    {
        ShouldBeBotCall(request, operationId, method, path);
        request.HasHeader("X-Line-Retry-Key").ShouldBeFalse();
        request.ShouldHaveJsonBody(expectedJson);
    }

    /// <summary>
    /// The same as <see cref="ShouldBeJsonBotCall"/> for a call LINE lets the client retry: it carries an
    /// X-Line-Retry-Key that is a UUID, which is returned.
    /// </summary>
    public static string ShouldBeRetriableJsonBotCall(LineRecordedRequest request, string operationId, string method, string path, string expectedJson)
    {
        ShouldBeBotCall(request, operationId, method, path);
        var key = ShouldCarryRetryKey(request);
        request.ShouldHaveJsonBody(expectedJson);
        return key;
    }

    /// <summary>Conforms to <paramref name="operationId"/>, has exactly this method, path and query and the bot's auth.</summary>
    public static void ShouldBeBotCall(LineRecordedRequest request, string operationId, string method, string path, params (string Name, string Value)[] query)
    {
        request.ShouldBeCall(operationId, method, path, query);
        ShouldCarryBotAuth(request);
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

    /// <summary>LINE's JSON error answer to a bot-scoped call (<see cref="ContractAssert.ShouldBeLineError"/>), the token not leaked.</summary>
    public static void ShouldBeLineError(LineApiException exception, int status, string operationId, string requestId, string message, params string[] details) =>
        exception.ShouldBeLineError(status, operationId, requestId, message, Token, details);
}
