using System;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using ModuleGen.Line.Runtime;
using ModuleGen.Line.Tests.Infrastructure;
using Shouldly;
using Xunit;

namespace ModuleGen.Line.Tests.Security;

/// <summary>LINE's credentials go only where the LINE endpoint map sends LINE's calls.</summary>
public sealed class LineCredentialScopeTests
{
    private static readonly LineOperation LineCall = new("getProfile", "GET", "https://api.line.me", "/v2/bot/profile/{userId}", LineAuthentication.Bearer, carriesRetryKey: false);

    [Fact]
    public async Task ALineCallWhoseRequestGoesElsewhereIsRefusedBeforeTheTokenIsSent()
    {
        var handler = new FakeLineHandler((_, _) => new HttpResponseMessage(HttpStatusCode.OK));
        var pipeline = new LineClientPipeline(new HttpClient(handler), accessTokenProvider: new LineStaticAccessTokenProvider("line-token"));
        using var message = new HttpRequestMessage(HttpMethod.Get, "https://collector.example.com/v2/bot/profile/U1");

        var exception = await Should.ThrowAsync<InvalidOperationException>(() =>
            pipeline.SendAsync(message, LineCall, HttpCompletionOption.ResponseContentRead, CancellationToken.None));

        exception.Message.ShouldContain("refusing to send LINE's credentials to https://collector.example.com");
        handler.Count.ShouldBe(0);
    }

    [Fact]
    public async Task MappingLinesHostsToAFakeIsTheExplicitChoiceThatSendsTheTokenThere()
    {
        var handler = new FakeLineHandler((_, _) => new HttpResponseMessage(HttpStatusCode.OK));
        var options = new LineClientOptions();
        options.Endpoints.MapAll(new Uri("http://127.0.0.1:5123"));
        var pipeline = new LineClientPipeline(new HttpClient(handler), options, new LineStaticAccessTokenProvider("line-token"));
        using var message = new HttpRequestMessage(HttpMethod.Get, "http://127.0.0.1:5123/v2/bot/profile/U1");

        using var response = await pipeline.SendAsync(message, LineCall, HttpCompletionOption.ResponseContentRead, CancellationToken.None);

        handler.Requests.ShouldHaveSingleItem().Header("Authorization").ShouldBe("Bearer line-token");
    }

    [Fact]
    public void MapAllMovesLinesHostsOnlyNotTheServersOfASpecOfYourOwn()
    {
        var endpoints = new LineEndpoints().MapAll(new Uri("http://127.0.0.1:5123"));

        foreach (var server in LineEndpoints.LineServers)
        {
            endpoints.Resolve(server).ShouldBe(new Uri("http://127.0.0.1:5123"));
        }

        endpoints.Resolve("https://partner.example.com").ShouldBe(new Uri("https://partner.example.com"));
        endpoints.IsLineAddress(new Uri("https://partner.example.com/x")).ShouldBeFalse();
        endpoints.IsLineAddress(new Uri("http://127.0.0.1:5123/v2/bot/info")).ShouldBeTrue();
    }

    [Theory]
    [InlineData("https://api.line.me/v2/bot/info", true)]
    [InlineData("https://API.Line.ME/v2/bot/info", true)]
    [InlineData("https://api.line.me:443/v2/bot/info", true)]
    [InlineData("https://api-data.line.me", true)]
    [InlineData("http://api.line.me/v2/bot/info", false)]
    [InlineData("https://api.line.me:8443/v2/bot/info", false)]
    [InlineData("https://api.line.me.example.com/v2/bot/info", false)]
    [InlineData("https://api.line.me@example.com/v2/bot/info", false)]
    [InlineData("https://example.com/https://api.line.me/", false)]
    public void OnlyTheSchemeHostAndPortOfALineServerCountAsLines(string requestUri, bool isLine)
    {
        new LineEndpoints().IsLineAddress(new Uri(requestUri)).ShouldBe(isLine);
        new LineEndpoints().MapAll(new Uri("http://127.0.0.1:5123")).IsLineAddress(new Uri(requestUri)).ShouldBeFalse();
    }

    [Fact]
    public void RemappingAServerMovesWhereLinesCredentialsMayGo()
    {
        var endpoints = new LineEndpoints();
        endpoints.IsLineAddress(new Uri("https://api.line.me/v2/bot/info")).ShouldBeTrue();

        endpoints.MapAll(new Uri("http://127.0.0.1:5123"));

        endpoints.IsLineAddress(new Uri("https://api.line.me/v2/bot/info")).ShouldBeFalse();
        endpoints.IsLineAddress(new Uri("http://127.0.0.1:5123/v2/bot/info")).ShouldBeTrue();
    }

    [Fact]
    public void SchemeCredentialsNeverShowTheirValues()
        => new LineSchemeCredentials().UseBearer("Partner", "secret-token").UseApiKey("Key", "secret-key").ToString()
            .ShouldBe("LineSchemeCredentials(Partner, Key)");
}
