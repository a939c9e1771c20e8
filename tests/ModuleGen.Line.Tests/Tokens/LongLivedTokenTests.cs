using System;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using ModuleGen.Line.Tests.Infrastructure;
using ModuleGen.Line.Tokens;
using ModuleGen.Tests.Shared;
using Shouldly;
using Xunit;

namespace ModuleGen.Line.Tests.Tokens;

public sealed class LongLivedTokenTests
{
    private const string Token = "existing-token-value-never-shown";
    private static readonly DateTimeOffset Now = TokenTestContext.Start;

    [Fact]
    public void AnExistingTokenWithoutExpiryIsRejectedAsLongLived()
    {
        var failure = Should.Throw<LineLongLivedTokenNotAllowedException>(() => LineModuleTokenProvider.FromExistingToken(Token, null, new ManualTimeProvider(Now)));

        failure.Message.ShouldStartWith("LINE does not allow module channels to use long-lived channel access tokens; use stateless, v2.1 or short-lived");
        failure.Message.ShouldNotContain(Token);
    }

    [Fact]
    public void AnExistingTokenLivingMoreThanThirtyDaysIsRejectedAsLongLived()
    {
        var failure = Should.Throw<LineLongLivedTokenNotAllowedException>(() => LineModuleTokenProvider.FromExistingToken(Token, Now.AddDays(31), new ManualTimeProvider(Now)));

        failure.Message.ShouldContain("long-lived");
        failure.Message.ShouldNotContain(Token);
    }

    [Fact]
    public async Task AnExistingShortLivedTokenIsServedUntilItExpires()
    {
        var clock = new ManualTimeProvider(Now);
        var provider = LineModuleTokenProvider.FromExistingToken(Token, Now.AddDays(30), clock);

        (await provider.GetAccessTokenAsync(CancellationToken.None)).ShouldBe(Token);
        provider.ToString()!.ShouldNotContain(Token);

        clock.Advance(TimeSpan.FromDays(30));
        var failure = Should.Throw<InvalidOperationException>(() => provider.GetAccessTokenAsync(CancellationToken.None));
        failure.Message.ShouldNotContain(Token);
    }

    [Theory]
    [InlineData(false, "/v2/oauth/verify")]
    [InlineData(true, "/oauth2/v2.1/verify")]
    public async Task AVerifiedTokenWithMoreThanThirtyDaysLeftIsRejectedAsLongLived(bool isV21, string path)
    {
        var handler = new FakeLineHandler((_, _) => FakeLineHandler.Json(HttpStatusCode.OK, """{"client_id":"1350031035","expires_in":3138007490,"scope":"P"}"""));
        var client = new ChannelAccessTokenClient(new LineClientPipeline(new HttpClient(handler)));

        var failure = await Should.ThrowAsync<LineLongLivedTokenNotAllowedException>(
            LineModuleTokenProvider.VerifyTokenAsync(client, Token, isV21, new ManualTimeProvider(Now)));

        failure.Message.ShouldNotContain(Token);
        handler.Requests.ShouldHaveSingleItem().Uri.AbsolutePath.ShouldBe(path);
    }

    [Fact]
    public async Task AVerifiedTokenWithoutExpiresInIsRejectedAsLongLived()
    {
        var handler = new FakeLineHandler((_, _) => FakeLineHandler.Json(HttpStatusCode.OK, """{"client_id":"1350031035","scope":"P"}"""));
        var client = new ChannelAccessTokenClient(new LineClientPipeline(new HttpClient(handler)));

        await Should.ThrowAsync<LineLongLivedTokenNotAllowedException>(
            LineModuleTokenProvider.VerifyTokenAsync(client, Token, isV21: false, new ManualTimeProvider(Now)));
    }

    [Fact]
    public async Task AVerifiedStatelessTokenReportsItsExpiry()
    {
        var handler = new FakeLineHandler((_, _) => FakeLineHandler.Json(HttpStatusCode.OK, """{"client_id":"1350031035","expires_in":899,"scope":"P"}"""));
        using var context = new TokenTestContext(handler);

        var verification = await context.Provider.VerifyAsync(Token);

        verification.ClientId.ShouldBe("1350031035");
        verification.ExpiresAt.ShouldBe(Now.AddSeconds(899));
        var request = handler.Requests.ShouldHaveSingleItem();
        request.Uri.AbsolutePath.ShouldBe("/v2/oauth/verify");
        request.Form("access_token").ShouldBe(Token);
    }
}
