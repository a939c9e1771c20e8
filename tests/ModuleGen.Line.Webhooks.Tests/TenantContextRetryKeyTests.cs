using System;
using System.Net.Http;
using ModuleGen.Line.AspNetCore.Webhooks;
using ModuleGen.Line.Webhooks;
using Shouldly;
using Xunit;

namespace ModuleGen.Line.Webhooks.Tests;

public sealed class TenantContextRetryKeyTests
{
    private const string BotId = "U0123456789abcdef0123456789abcdef";

    [Fact]
    public void EveryAttemptAtOneEventGetsTheSameKeyForTheSameSend()
    {
        var first = Context("01KXFRQEK9870MWK0MGVZS7KMG", attempt: 1);
        var retry = Context("01KXFRQEK9870MWK0MGVZS7KMG", attempt: 2);

        retry.RetryKeyFor("confirmation", "U1").ShouldBe(first.RetryKeyFor("confirmation", "U1"));
        retry.NextRetryKey().ShouldBe(first.NextRetryKey());
    }

    [Fact]
    public void DifferentSendsAndDifferentEventsNeverShareAKey()
    {
        var context = Context("01KXFRQEK9870MWK0MGVZS7KMG");
        var other = Context("01KXFRQEK9870MWK0MGVZS7KMH");

        var keys = new[]
        {
            context.RetryKeyFor("confirmation", "U1"),
            context.RetryKeyFor("confirmation", "U2"),
            context.RetryKeyFor("reminder", "U1"),
            context.NextRetryKey(),
            context.NextRetryKey(),
            other.RetryKeyFor("confirmation", "U1"),
        };

        keys.ShouldBeUnique();
    }

    [Fact]
    public void AskingTwiceForTheSameSendInOneAttemptIsRefusedBecauseLineWouldDropTheSecond()
    {
        var context = Context("01KXFRQEK9870MWK0MGVZS7KMG");
        context.RetryKeyFor("confirmation", "U1");

        Should.Throw<InvalidOperationException>(() => context.RetryKeyFor("confirmation", "U1")).Message.ShouldContain("already");
    }

    [Fact]
    public void AContextWithoutATenantHasNoClientAndSaysWhy()
    {
        var context = new LineTenantContext(string.Empty, EventMode.Active, null, null, "derived-00", isRedelivery: false, attempt: 1);

        context.IsTenantKnown.ShouldBeFalse();
        context.Reply.ShouldBeNull();
        Should.Throw<LineUnknownTenantException>(() => context.Messaging);
        LineFailurePolicy.Classify(new LineUnknownTenantException("x")).IsPermanent.ShouldBeTrue();
    }

    private static LineTenantContext Context(string webhookEventId, int attempt = 1)
    {
        var messaging = new MessagingApiClient(new LineClientPipeline(new HttpClient(), accessTokenProvider: new LineStaticAccessTokenProvider("t"))).ForBot(BotId);
        return new LineTenantContext(BotId, EventMode.Active, messaging, null, webhookEventId, isRedelivery: false, attempt);
    }
}
