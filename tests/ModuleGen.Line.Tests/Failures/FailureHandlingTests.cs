using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using ModuleGen.Line.Models;
using ModuleGen.Line.Runtime;
using ModuleGen.Line.Tests.Infrastructure;
using ModuleGen.Line.Tests.Messaging;
using ModuleGen.Line.Tokens;
using Shouldly;
using Xunit;

namespace ModuleGen.Line.Tests.Failures;

/// <summary>
/// The one place that says which failures are permanent, the retry key a failed call carries, name-based retry keys,
/// and the pipeline's single retry with a fresh token after a 401.
/// </summary>
public sealed class FailureHandlingTests
{
    [Theory]
    [InlineData(400, "Invalid reply token", LineFailureKind.Permanent)]
    [InlineData(403, "Access to this API is not available for your account", LineFailureKind.Permanent)]
    [InlineData(404, "Not found", LineFailureKind.Permanent)]
    [InlineData(429, "You have reached your monthly limit.", LineFailureKind.Permanent)]
    [InlineData(429, "The API rate limit has been exceeded. Try again later.", LineFailureKind.Transient)]
    [InlineData(429, "The concurrent request limit has been exceeded.", LineFailureKind.Transient)]
    [InlineData(401, "Authentication failed", LineFailureKind.Transient)]
    [InlineData(408, "timeout", LineFailureKind.Transient)]
    [InlineData(423, "locked", LineFailureKind.Transient)]
    [InlineData(500, "Internal error", LineFailureKind.Transient)]
    [InlineData(503, "Unavailable", LineFailureKind.Transient)]
    [InlineData(0, "reset", LineFailureKind.Transient)]
    public void LineStatusesAreClassifiedInOnePlace(int status, string message, LineFailureKind expected)
    {
        var exception = new LineApiException("failed", status, "pushMessage", error: new ErrorResponse { Message = message });

        LineFailurePolicy.Classify(exception).Kind.ShouldBe(expected);
        LineFailurePolicy.Classify(new InvalidOperationException("wrapped", exception)).Kind.ShouldBe(expected);
    }

    [Fact]
    public void FailuresNoRetryCanFixArePermanentAndEverythingElseIsTransient()
    {
        LineFailurePolicy.Classify(new LinePermanentFailureException("the booking no longer exists")).IsPermanent.ShouldBeTrue();
        LineFailurePolicy.Classify(new ArgumentException("too long", "TextMessage.Text")).IsPermanent.ShouldBeTrue();
        LineFailurePolicy.Classify(new LineScopeNotGrantedException("pushMessage", "message:send", "U1")).IsPermanent.ShouldBeTrue();
        LineFailurePolicy.Classify(new LineUnknownTenantException("no destination")).IsPermanent.ShouldBeTrue();
        LineFailurePolicy.Classify(new TimeoutException()).IsPermanent.ShouldBeFalse();
        LineFailurePolicy.Classify(new HttpRequestException("reset")).IsPermanent.ShouldBeFalse();
    }

    [Fact]
    public void TheMonthlyQuotaAndAnAcceptedButUnreadableAnswerArePermanentWhileLimiterAndCircuitRefusalsAreTransient()
    {
        LineFailurePolicy.Classify(new LineMonthlyQuotaExceededException("quota", "pushMessage")).IsPermanent.ShouldBeTrue();
        LineFailurePolicy.Classify(new LineResponseUnreadableException("unreadable", 200, "pushMessage", "req-1", "key")).IsPermanent.ShouldBeTrue();
        LineFailurePolicy.Classify(new LineRateLimitRejectedException("no permit", "pushMessage", "U1")).IsPermanent.ShouldBeFalse();
        LineFailurePolicy.Classify(new LineCircuitOpenException("open", "pushMessage")).IsPermanent.ShouldBeFalse();
        LineFailurePolicy.Classify(new InvalidOperationException("wrapped", new LineCircuitOpenException("open"))).IsPermanent.ShouldBeFalse();
    }

    [Theory]
    [InlineData(Faults.RateLimitMessage, LineTooManyRequestsKind.RateLimit)]
    [InlineData(Faults.MonthlyLimitMessage, LineTooManyRequestsKind.MonthlyQuota)]
    [InlineData(Faults.ConcurrencyLimitMessage, LineTooManyRequestsKind.ConcurrencyLimit)]
    [InlineData("Something else", LineTooManyRequestsKind.Unspecified)]
    [InlineData(null, LineTooManyRequestsKind.Unspecified)]
    public void A429IsToldApartByLinesMessage(string? message, LineTooManyRequestsKind expected)
    {
        LineFailurePolicy.TooManyRequestsKindOf(message).ShouldBe(expected);
        new LineApiException("x", 429, error: message is null ? null : new ErrorResponse { Message = message }).TooManyRequestsKind.ShouldBe(expected);
        new LineApiException("x", 500, error: message is null ? null : new ErrorResponse { Message = message }).TooManyRequestsKind.ShouldBeNull();
    }

    [Theory]
    [InlineData("GET", false, true)]
    [InlineData("DELETE", false, true)]
    [InlineData("PUT", false, true)]
    [InlineData("POST", true, true)]
    [InlineData("POST", false, false)]
    public void RetrySafetyIsOneRuleOverTheSpecsFacts(string method, bool carriesRetryKey, bool expected)
    {
        LineOperation.IsRetrySafeCall(method, carriesRetryKey).ShouldBe(expected);
        new LineOperation("op", method, "https://api.line.me", "/x", LineAuthentication.Bearer, carriesRetryKey).IsRetrySafe.ShouldBe(expected);
    }

    [Fact]
    public void NameBasedRetryKeysAreStableVersion5UuidsAndDifferByName()
    {
        var key = LineRetryKey.FromName("01KXFRQEK9870MWK0MGVZS7KMG\nconfirmation\nU1");

        LineRetryKey.FromName("01KXFRQEK9870MWK0MGVZS7KMG\nconfirmation\nU1").ShouldBe(key);
        LineRetryKey.FromName("01KXFRQEK9870MWK0MGVZS7KMG\nconfirmation\nU2").ShouldNotBe(key);
        Guid.TryParseExact(key, "D", out _).ShouldBeTrue();
        key[14].ShouldBe('5');
        "89ab".ShouldContain(key[19]);
    }

    [Fact]
    public async Task AFailedPushCarriesTheRetryKeyItUsedSoItCanBeRetriedByHand()
    {
        var handler = new FakeLineHandler((_, _) => FakeLineHandler.Json(HttpStatusCode.InternalServerError, """{"message":"Internal error"}"""));
        const string key = "123e4567-e89b-12d3-a456-426614174000";

        var exception = await Should.ThrowAsync<LineApiException>(() =>
            MessagingTestContext.Client(handler).ForBot(MessagingTestContext.BotId).PushMessageAsync(MessagingTestContext.Push(), key));

        exception.RetryKey.ShouldBe(key);
    }

    [Fact]
    public async Task APushThatNeverGotAnAnswerCarriesItsMintedRetryKey()
    {
        var handler = new FakeLineHandler(new Func<LineRecordedRequest, int, HttpResponseMessage>((_, _) => throw new HttpRequestException("reset")));

        var exception = await Should.ThrowAsync<LineApiException>(() =>
            MessagingTestContext.Client(handler).ForBot(MessagingTestContext.BotId).PushMessageAsync(MessagingTestContext.Push()));

        exception.Status.ShouldBe(0);
        Guid.TryParseExact(exception.RetryKey, "D", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task A401DropsTheCachedTokenAndRetriesOnceWithAFreshOne()
    {
        var tokens = new RotatingTokens();
        var handler = new FakeLineHandler((request, _) => request.Header("Authorization") == "Bearer token-1"
            ? FakeLineHandler.Json(HttpStatusCode.Unauthorized, """{"message":"Authentication failed"}""")
            : FakeLineHandler.Json(HttpStatusCode.OK, """{"sentMessages":[{"id":"1","quoteToken":"q"}]}"""));
        var client = new MessagingApiClient(new LineClientPipeline(new HttpClient(handler), accessTokenProvider: tokens));

        var response = await client.ForBot(MessagingTestContext.BotId).PushMessageAsync(MessagingTestContext.Push());

        response.Value.SentMessages.ShouldHaveSingleItem();
        handler.Requests.Select(r => r.Header("Authorization")).ShouldBe(new[] { "Bearer token-1", "Bearer token-2" });
        handler.Requests.Select(r => r.Header("X-Line-Retry-Key")).Distinct().Count().ShouldBe(1);
        handler.Requests.Select(r => r.Body).Distinct().Count().ShouldBe(1);
        tokens.Invalidated.ShouldBe(new[] { "token-1" });
    }

    [Fact]
    public async Task A401WithAFreshTokenStillRefusedIsNotRetriedAgain()
    {
        var tokens = new RotatingTokens();
        var handler = new FakeLineHandler((_, _) => FakeLineHandler.Json(HttpStatusCode.Unauthorized, """{"message":"Authentication failed"}"""));
        var client = new MessagingApiClient(new LineClientPipeline(new HttpClient(handler), accessTokenProvider: tokens));

        var exception = await Should.ThrowAsync<LineApiException>(() => client.ForBot(MessagingTestContext.BotId).PushMessageAsync(MessagingTestContext.Push()));

        exception.Status.ShouldBe(401);
        handler.Count.ShouldBe(2);
    }

    [Fact]
    public async Task A401WithAProviderThatCannotRenewIsNotRetried()
    {
        var handler = new FakeLineHandler((_, _) => FakeLineHandler.Json(HttpStatusCode.Unauthorized, """{"message":"Authentication failed"}"""));

        await Should.ThrowAsync<LineApiException>(() =>
            MessagingTestContext.Client(handler).ForBot(MessagingTestContext.BotId).PushMessageAsync(MessagingTestContext.Push()));

        handler.Count.ShouldBe(1);
    }

    [Fact]
    public void AReadingErrorNamesTheJsonPathAndPosition()
    {
        var exception = Should.Throw<JsonException>(() => LineJson.Parse<PushMessageRequest>("""
            {"to":"U1","messages":[{"type":"text","text":"a"},{"type":"text","text":{"oops":1}}]}
            """));

        exception.Path.ShouldBe("$.messages[1].text");
        exception.Message.ShouldContain("TextMessage.text");
        exception.LineNumber.ShouldBe(0);
    }

    [Fact]
    public void AModelReadWithoutARequiredPropertySerializesButFailsValidationAsARequest()
    {
        var request = LineJson.Parse<PushMessageRequest>("""{"messages":[{"type":"text","extra":null,"text":"a"}]}""");

        request.MissingRequiredProperties.ShouldBe(new[] { "to" });
        LineJson.SerializeToString(request).ShouldBe("""{"messages":[{"type":"text","extra":null,"text":"a"}]}""");
        Should.Throw<ArgumentException>(() => LineJson.Validate(request)).Message.ShouldContain("PushMessageRequest.To");
    }

    private sealed class RotatingTokens : ILineAccessTokenProvider
    {
        private int _generation = 1;

        public System.Collections.Generic.List<string> Invalidated { get; } = new();

        public ValueTask<string> GetAccessTokenAsync(CancellationToken cancellationToken) => ValueTask.FromResult("token-" + _generation);

        public ValueTask InvalidateAsync(string rejectedToken, CancellationToken cancellationToken)
        {
            Invalidated.Add(rejectedToken);
            _generation++;
            return ValueTask.CompletedTask;
        }
    }
}
