using System;
using System.Net;
using System.Threading.Tasks;
using ModuleGen.Line.Tests.Infrastructure;
using Shouldly;
using Xunit;

namespace ModuleGen.Line.Tests.Messaging;

public sealed class RetryKeyTests
{
    private const string RetryKeyHeader = "X-Line-Retry-Key";
    private const string SentMessages = """{"sentMessages":[{"id":"1","quoteToken":"q"}]}""";

    [Fact]
    public async Task PushWithoutAKeySendsANewUuidRetryKey()
    {
        var handler = new FakeLineHandler((_, _) => FakeLineHandler.Json(HttpStatusCode.OK, SentMessages));

        await MessagingTestContext.Client(handler).ForBot(MessagingTestContext.BotId).PushMessageAsync(MessagingTestContext.Push());

        var key = handler.Requests.ShouldHaveSingleItem().Header(RetryKeyHeader);
        key.ShouldNotBeNull();
        Guid.TryParseExact(key, "D", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task PushSendsTheCallersRetryKeyUnchanged()
    {
        const string key = "123e4567-e89b-12d3-a456-426614174000";
        var handler = new FakeLineHandler((_, _) => FakeLineHandler.Json(HttpStatusCode.OK, SentMessages));

        await MessagingTestContext.Client(handler).ForBot(MessagingTestContext.BotId).PushMessageAsync(MessagingTestContext.Push(), key);

        handler.Requests.ShouldHaveSingleItem().Header(RetryKeyHeader).ShouldBe(key);
    }

    [Fact]
    public async Task PushRetriesReuseTheSameRetryKey()
    {
        var handler = new FakeLineHandler((_, n) => n == 1
            ? FakeLineHandler.Json(HttpStatusCode.InternalServerError, """{"message":"boom"}""")
            : FakeLineHandler.Json(HttpStatusCode.OK, SentMessages));

        var response = await MessagingTestContext.Client(handler, withResilience: true)
            .ForBot(MessagingTestContext.BotId)
            .PushMessageAsync(MessagingTestContext.Push());

        response.Status.ShouldBe(200);
        var requests = handler.Requests;
        requests.Count.ShouldBe(2);
        requests[0].Header(RetryKeyHeader).ShouldNotBeNull();
        requests[1].Header(RetryKeyHeader).ShouldBe(requests[0].Header(RetryKeyHeader));
        requests[1].Body.ShouldBe(requests[0].Body);
    }

    [Fact]
    public async Task ReplyNeverCarriesARetryKeyAndIsNotRetriedOnServerErrors()
    {
        var handler = new FakeLineHandler((_, _) => FakeLineHandler.Json(HttpStatusCode.InternalServerError, """{"message":"boom"}"""));

        var failure = await Should.ThrowAsync<LineApiException>(MessagingTestContext.Client(handler, withResilience: true)
            .ForBot(MessagingTestContext.BotId)
            .ReplyMessageAsync(MessagingTestContext.Reply()));

        failure.Status.ShouldBe(500);
        handler.Requests.ShouldHaveSingleItem().Header(RetryKeyHeader).ShouldBeNull();
    }

    [Fact]
    public async Task AConflictWithAnAcceptedRequestIdIsASuccessfulAlreadyAcceptedPush()
    {
        var handler = new FakeLineHandler((_, _) => FakeLineHandler.Json(
            HttpStatusCode.Conflict,
            """{"message":"The retry key is already accepted","sentMessages":[{"id":"1","quoteToken":"q"}]}""",
            ("X-Line-Request-Id", "req-2"),
            ("X-Line-Accepted-Request-Id", "req-1")));

        var response = await MessagingTestContext.Client(handler)
            .ForBot(MessagingTestContext.BotId)
            .PushMessageAsync(MessagingTestContext.Push(), "123e4567-e89b-12d3-a456-426614174000");

        response.Status.ShouldBe(409);
        response.AlreadyAccepted.ShouldBeTrue();
        response.AcceptedRequestId.ShouldBe("req-1");
        response.RequestId.ShouldBe("req-2");
        var sent = response.Value.SentMessages.ShouldHaveSingleItem();
        sent.Id.ShouldBe("1");
        sent.QuoteToken.ShouldBe("q");
    }

    [Fact]
    public async Task ANonUuidRetryKeyIsRejectedBeforeAnyRequest()
    {
        var handler = new FakeLineHandler((_, _) => FakeLineHandler.Json(HttpStatusCode.OK, SentMessages));

        var failure = await Should.ThrowAsync<ArgumentException>(MessagingTestContext.Client(handler)
            .ForBot(MessagingTestContext.BotId)
            .PushMessageAsync(MessagingTestContext.Push(), "not-a-uuid"));

        failure.ParamName.ShouldBe("retryKey");
        handler.Count.ShouldBe(0);
    }
}
