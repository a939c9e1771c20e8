using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using ModuleGen.Line.Tests.Infrastructure;
using ModuleGen.Line.Tokens;
using Shouldly;
using Xunit;

namespace ModuleGen.Line.Tests.Tokens;

public sealed class LineModuleTokenProviderTests
{
    [Fact]
    public async Task FirstCallIssuesAStatelessTokenWithTheChannelSecret()
    {
        using var context = new TokenTestContext(TokenTestContext.IssuingHandler());

        var token = await context.Provider.GetAccessTokenAsync(CancellationToken.None);

        token.ShouldBe("token-1");
        var request = context.Handler.Requests.ShouldHaveSingleItem();
        request.Method.ShouldBe(HttpMethod.Post);
        request.Uri.AbsolutePath.ShouldBe("/oauth2/v3/token");
        request.Header("Authorization").ShouldBeNull();
        request.FormFields().ShouldBe(new[]
        {
            new KeyValuePair<string, string>("grant_type", "client_credentials"),
            new KeyValuePair<string, string>("client_id", TokenTestContext.ChannelId),
            new KeyValuePair<string, string>("client_secret", TokenTestContext.ChannelSecret),
        });
    }

    [Fact]
    public async Task ACallWithinTheTokensLifeUsesTheCache()
    {
        using var context = new TokenTestContext(TokenTestContext.IssuingHandler());

        var first = await context.Provider.GetAccessTokenAsync(CancellationToken.None);

        // 899 s token, 120 s margin: 121 s left is still fresh.
        context.Clock.Advance(TimeSpan.FromSeconds(899 - 121));
        var second = await context.Provider.GetAccessTokenAsync(CancellationToken.None);

        second.ShouldBe(first);
        context.Handler.Count.ShouldBe(1);
    }

    [Fact]
    public async Task ATokenInsideTheRefreshMarginIsReplaced()
    {
        using var context = new TokenTestContext(TokenTestContext.IssuingHandler());

        await context.Provider.GetAccessTokenAsync(CancellationToken.None);
        context.Clock.Advance(TimeSpan.FromSeconds(899 - 119));
        var refreshed = await context.Provider.GetAccessTokenAsync(CancellationToken.None);

        refreshed.ShouldBe("token-2");
        context.Handler.Count.ShouldBe(2);
        context.Provider.CurrentTokenExpiresAt.ShouldBe(context.Clock.GetUtcNow() + TimeSpan.FromSeconds(899));
    }

    [Fact]
    public async Task LongLivedTokensAreRefreshedAtTenPercentOfTheirLife()
    {
        using var context = new TokenTestContext(TokenTestContext.IssuingHandler(expiresIn: 86_400), o => o.Kind = LineModuleTokenKind.ShortLived);

        await context.Provider.GetAccessTokenAsync(CancellationToken.None);
        context.Clock.Advance(TimeSpan.FromHours(21.5));
        await context.Provider.GetAccessTokenAsync(CancellationToken.None);
        context.Handler.Count.ShouldBe(1);

        context.Clock.Advance(TimeSpan.FromHours(0.2));
        (await context.Provider.GetAccessTokenAsync(CancellationToken.None)).ShouldBe("token-2");
        context.Handler.Count.ShouldBe(2);
    }

    [Fact]
    public async Task HundredConcurrentCallersDuringARefreshShareOneRequest()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var handler = new FakeLineHandler(async (_, n) =>
        {
            if (n == 2)
            {
                entered.TrySetResult();
                await gate.Task;
            }

            return FakeLineHandler.Json(HttpStatusCode.OK, $$"""{"access_token":"token-{{n}}","expires_in":899,"token_type":"Bearer"}""");
        });
        using var context = new TokenTestContext(handler);
        await context.Provider.GetAccessTokenAsync(CancellationToken.None);
        context.Clock.Advance(TimeSpan.FromMinutes(14));

        var callers = Enumerable.Range(0, 100)
            .Select(_ => Task.Run(() => context.Provider.GetAccessTokenAsync(CancellationToken.None).AsTask()))
            .ToArray();
        await entered.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await Task.Delay(50);
        gate.SetResult();
        var tokens = await Task.WhenAll(callers).WaitAsync(TimeSpan.FromSeconds(10));

        tokens.ShouldAllBe(t => t == "token-2");
        context.Handler.Count.ShouldBe(2);
    }

    [Fact]
    public async Task CancellingOneWaiterDoesNotCancelTheSharedRefresh()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var handler = new FakeLineHandler(async (_, n) =>
        {
            await gate.Task;
            return FakeLineHandler.Json(HttpStatusCode.OK, $$"""{"access_token":"token-{{n}}","expires_in":899,"token_type":"Bearer"}""");
        });
        using var context = new TokenTestContext(handler);
        using var cancelled = new CancellationTokenSource();

        var impatient = context.Provider.GetAccessTokenAsync(cancelled.Token).AsTask();
        var patient = context.Provider.GetAccessTokenAsync(CancellationToken.None).AsTask();
        await cancelled.CancelAsync();
        await Should.ThrowAsync<OperationCanceledException>(impatient);
        gate.SetResult();

        (await patient.WaitAsync(TimeSpan.FromSeconds(10))).ShouldBe("token-1");
        context.Handler.Count.ShouldBe(1);
    }

    [Fact]
    public async Task AFailedRefreshIsNotCachedAndTheNextCallTriesAgain()
    {
        var handler = new FakeLineHandler((_, n) => n == 1
            ? FakeLineHandler.Json(HttpStatusCode.InternalServerError, """{"error":"server_error"}""")
            : FakeLineHandler.Json(HttpStatusCode.OK, """{"access_token":"token-2","expires_in":899,"token_type":"Bearer"}"""));
        using var context = new TokenTestContext(handler);

        var failure = await Should.ThrowAsync<LineApiException>(context.Provider.GetAccessTokenAsync(CancellationToken.None).AsTask());
        failure.Status.ShouldBe(500);
        failure.OperationId.ShouldBe("issueStatelessChannelToken");

        (await context.Provider.GetAccessTokenAsync(CancellationToken.None)).ShouldBe("token-2");
        context.Handler.Count.ShouldBe(2);
    }

    [Fact]
    public async Task ARejectedSecretNeverAppearsInTheExceptionOrTheLogs()
    {
        var handler = new FakeLineHandler((_, _) => FakeLineHandler.Json(
            HttpStatusCode.BadRequest,
            """{"error":"invalid_client","error_description":"The client credentials are invalid."}""",
            ("X-Line-Request-Id", "req-400")));
        using var context = new TokenTestContext(handler);

        var failure = await Should.ThrowAsync<LineApiException>(context.Provider.GetAccessTokenAsync(CancellationToken.None).AsTask());

        failure.Status.ShouldBe(400);
        failure.ErrorCode.ShouldBe("invalid_client");
        failure.Message.ShouldContain("The client credentials are invalid.");
        failure.ToString().ShouldNotContain(TokenTestContext.ChannelSecret);
        (failure.RawBody ?? string.Empty).ShouldNotContain(TokenTestContext.ChannelSecret);
        context.Logger.Lines.ShouldNotBeEmpty();
        context.Logger.Lines.ShouldAllBe(line => !line.Contains(TokenTestContext.ChannelSecret));
    }

    [Fact]
    public async Task IssuedTokensNeverAppearInTheLogs()
    {
        using var context = new TokenTestContext(TokenTestContext.IssuingHandler());

        var token = await context.Provider.GetAccessTokenAsync(CancellationToken.None);

        context.Logger.Lines.ShouldNotBeEmpty();
        context.Logger.Lines.ShouldAllBe(line => !line.Contains(token) && !line.Contains(TokenTestContext.ChannelSecret));
        context.Provider.ToString().ShouldNotContain(token);
    }

    [Fact]
    public void OptionsToStringRedactsTheSecretAndTheKey()
    {
        var options = new LineModuleTokenOptions
        {
            ChannelId = TokenTestContext.ChannelId,
            ChannelSecret = TokenTestContext.ChannelSecret,
            Kind = LineModuleTokenKind.JwtV21,
            Kid = TokenTestContext.Kid,
            SigningKeyPem = TokenTestContext.Key.ExportPkcs8PrivateKeyPem(),
        };

        var text = options.ToString();

        text.ShouldContain(TokenTestContext.ChannelId);
        text.ShouldNotContain(TokenTestContext.ChannelSecret);
        text.ShouldNotContain("PRIVATE KEY");
        text.ShouldContain("***");
    }

    [Fact]
    public async Task ShortLivedTokensAreIssuedWithTheChannelIdAndSecret()
    {
        using var context = new TokenTestContext(TokenTestContext.IssuingHandler(expiresIn: 2_592_000), o => o.Kind = LineModuleTokenKind.ShortLived);

        (await context.Provider.GetAccessTokenAsync(CancellationToken.None)).ShouldBe("token-1");

        var request = context.Handler.Requests.ShouldHaveSingleItem();
        request.Uri.AbsolutePath.ShouldBe("/v2/oauth/accessToken");
        request.FormFields().ShouldBe(new[]
        {
            new KeyValuePair<string, string>("grant_type", "client_credentials"),
            new KeyValuePair<string, string>("client_id", TokenTestContext.ChannelId),
            new KeyValuePair<string, string>("client_secret", TokenTestContext.ChannelSecret),
        });
    }

    [Theory]
    [InlineData(LineModuleTokenKind.JwtV21, TokenTestContext.ChannelSecret, "", "A JWT assertion needs LineModuleTokenOptions.Kid")]
    [InlineData(LineModuleTokenKind.ShortLived, null, null, "need LineModuleTokenOptions.ChannelSecret")]
    [InlineData(LineModuleTokenKind.Stateless, null, null, "need LineModuleTokenOptions.ChannelSecret")]
    public void OptionsThatCannotWorkAreRejectedWhenTheProviderIsCreated(LineModuleTokenKind kind, string? secret, string? kid, string expected)
    {
        var options = new LineModuleTokenOptions
        {
            ChannelId = TokenTestContext.ChannelId,
            ChannelSecret = secret,
            Kind = kind,
            Kid = kid,
            SigningKey = TokenTestContext.Key,
        };
        var client = new ChannelAccessTokenClient(new LineClientPipeline(new HttpClient(TokenTestContext.IssuingHandler())));

        var failure = Should.Throw<ArgumentException>(() => new LineModuleTokenProvider(client, options));

        failure.Message.ShouldContain(expected);
        failure.Message.ShouldNotContain(TokenTestContext.ChannelSecret);
    }

    [Fact]
    public async Task ADisposedProviderRefusesToIssue()
    {
        var context = new TokenTestContext(TokenTestContext.IssuingHandler());
        context.Dispose();

        await Should.ThrowAsync<ObjectDisposedException>(context.Provider.GetAccessTokenAsync(CancellationToken.None).AsTask());
        context.Handler.Count.ShouldBe(0);
    }

    [Fact]
    public void ALifetimeBeyondWhatLineAllowsIsRejected()
    {
        var options = new LineModuleTokenOptions
        {
            ChannelId = TokenTestContext.ChannelId,
            Kind = LineModuleTokenKind.JwtV21,
            Kid = TokenTestContext.Kid,
            SigningKey = TokenTestContext.Key,
            TokenLifetime = TimeSpan.FromDays(31),
        };
        var client = new ChannelAccessTokenClient(new LineClientPipeline(new HttpClient(TokenTestContext.IssuingHandler())));

        Should.Throw<ArgumentOutOfRangeException>(() => new LineModuleTokenProvider(client, options)).ParamName.ShouldBe("TokenLifetime");

        options.TokenLifetime = TimeSpan.FromDays(1);
        options.AssertionLifetime = TimeSpan.FromMinutes(31);
        Should.Throw<ArgumentOutOfRangeException>(() => new LineModuleTokenProvider(client, options)).ParamName.ShouldBe("AssertionLifetime");
    }

    [Fact]
    public async Task TheDependencyInjectionProviderUsesItsOwnNamedHttpClient()
    {
        var handler = TokenTestContext.IssuingHandler();
        var services = new ServiceCollection();
        services.AddLineModuleClients();
        services.AddLineModuleTokenProvider(o =>
            {
                o.ChannelId = TokenTestContext.ChannelId;
                o.ChannelSecret = TokenTestContext.ChannelSecret;
            })
            .ConfigurePrimaryHttpMessageHandler(() => handler);
        await using var container = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        var provider = container.GetRequiredService<ILineAccessTokenProvider>();
        var pipeline = container.GetRequiredService<LineClientPipeline>();

        provider.ShouldBeOfType<LineModuleTokenProvider>();
        pipeline.AccessTokenProvider.ShouldBeSameAs(provider);
        (await provider.GetAccessTokenAsync(CancellationToken.None)).ShouldBe("token-1");
        handler.Requests.ShouldHaveSingleItem().Uri.AbsolutePath.ShouldBe("/oauth2/v3/token");
    }
}
