using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using ModuleGen.Line.Attach;
using Shouldly;
using Xunit;

namespace ModuleGen.Line.Tests.Attach;

public sealed class LineAttachAuthorizationTests
{
    private static LineAttachAuthorizationOptions Options(int verifierLength = 64) => new()
    {
        ChannelId = "1234567890",
        RedirectUri = new Uri("https://example.com/auth?key=value"),
        Scopes = new[] { "message:send", "message:receive" },
        Region = "JP",
        BasicSearchId = "@linedevelopers",
        BrandTypes = new[] { "premium", "verified" },
        CodeVerifierLength = verifierLength,
    };

    private static Dictionary<string, string> QueryOf(Uri url)
        => url.Query.TrimStart('?').Split('&').Select(p => p.Split('=')).ToDictionary(p => p[0], p => WebUtility.UrlDecode(p[1]));

    [Fact]
    public void AuthorizeUrlCarriesEveryParameterPercentEncoded()
    {
        var attempt = LineAttachAuthorization.Create(Options());

        attempt.Url.GetLeftPart(UriPartial.Path).ShouldBe("https://manager.line.biz/module/auth/v1/authorize");
        var query = QueryOf(attempt.Url);
        query.Keys.ShouldBe(new[] { "response_type", "client_id", "redirect_uri", "scope", "state", "code_challenge", "code_challenge_method", "region", "basic_search_id", "brand_type" });
        query["response_type"].ShouldBe("code");
        query["client_id"].ShouldBe("1234567890");
        query["redirect_uri"].ShouldBe("https://example.com/auth?key=value");
        query["scope"].ShouldBe("message:send message:receive");
        query["state"].ShouldBe(attempt.State);
        query["code_challenge"].ShouldBe(attempt.CodeChallenge);
        query["code_challenge_method"].ShouldBe("S256");
        query["region"].ShouldBe("JP");
        query["basic_search_id"].ShouldBe("@linedevelopers");
        query["brand_type"].ShouldBe("premium verified");
        attempt.Url.Query.ShouldContain("redirect_uri=https%3A%2F%2Fexample.com%2Fauth%3Fkey%3Dvalue");
        attempt.Url.Query.ShouldContain("scope=message%3Asend%20message%3Areceive");
    }

    [Fact]
    public void StateIsAlphanumericAndFreshForEveryAttempt()
    {
        var states = Enumerable.Range(0, 200).Select(_ => LineAttachAuthorization.Create(Options()).State).ToList();

        states.ShouldAllBe(s => s.Length == 32 && s.All(char.IsAsciiLetterOrDigit));
        states.Distinct().Count().ShouldBe(200);
    }

    [Theory]
    [InlineData(43)]
    [InlineData(64)]
    [InlineData(128)]
    public void CodeVerifierHasTheRequestedLengthOfUnreservedCharacters(int length)
    {
        var attempt = LineAttachAuthorization.Create(Options(length));

        attempt.CodeVerifier.Length.ShouldBe(length);
        attempt.CodeVerifier.ShouldAllBe(c => char.IsAsciiLetterOrDigit(c) || c == '-' || c == '.' || c == '_' || c == '~');
    }

    [Theory]
    [InlineData(42)]
    [InlineData(129)]
    public void CodeVerifierLengthOutsideRfc7636IsRejected(int length)
        => Should.Throw<ArgumentOutOfRangeException>(() => LineAttachAuthorization.Create(Options(length)));

    [Fact]
    public void ChallengeIsUnpaddedBase64UrlOfTheSha256OfTheVerifier()
        // Expected value computed independently (Python hashlib + urlsafe_b64encode) for LINE's documented verifier.
        => LineAttachAuthorization.ChallengeOf("ayjtZgTunh96nHCvgLEiXzqVQOOC0SwMRs39bh1l5dx").ShouldBe("2mY9Ludb4SMhzboez5WGsMgPuUiSMdoizNk-PAkh3Lw");

    [Fact]
    public void TokenRequestRepeatsWhatTheAuthorizeUrlSaid()
    {
        var attempt = LineAttachAuthorization.Create(Options());

        var request = attempt.CreateTokenRequest("code-1");

        var fields = request.ToFormFields().ToDictionary(p => p.Key, p => p.Value);
        fields.ShouldBe(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = "code-1",
            ["redirect_uri"] = "https://example.com/auth?key=value",
            ["code_verifier"] = attempt.CodeVerifier,
            ["region"] = "JP",
            ["basic_search_id"] = "@linedevelopers",
            ["scope"] = "message:send message:receive",
            ["brand_type"] = "premium verified",
        });
    }

    [Fact]
    public void OptionalRestrictionsAreLeftOutWhenNotUsed()
    {
        var bare = LineAttachAuthorization.Create(new LineAttachAuthorizationOptions
        {
            ChannelId = "1",
            RedirectUri = new Uri("https://example.com/cb"),
            Scopes = new[] { "message:send" },
        });

        QueryOf(bare.Url).Keys.ShouldNotContain("region");
        QueryOf(bare.Url).Keys.ShouldNotContain("brand_type");
        bare.CreateTokenRequest("c").ToFormFields().Select(p => p.Key).ShouldBe(new[] { "grant_type", "code", "redirect_uri", "code_verifier", "scope" });
    }

    [Fact]
    public void ReturnedStateIsComparedExactly()
    {
        var attempt = LineAttachAuthorization.Create(Options());

        attempt.IsExpectedState(attempt.State).ShouldBeTrue();
        attempt.IsExpectedState(attempt.State.ToUpperInvariant() == attempt.State ? attempt.State.ToLowerInvariant() : attempt.State.ToUpperInvariant()).ShouldBeFalse();
        attempt.IsExpectedState(attempt.State[..31]).ShouldBeFalse();
        attempt.IsExpectedState(null).ShouldBeFalse();
    }

    [Theory]
    [InlineData("http://example.com/cb")]
    [InlineData("/relative")]
    public void RedirectUriMustBeAbsoluteHttps(string redirect)
        => Should.Throw<ArgumentException>(() => LineAttachAuthorization.Create(new LineAttachAuthorizationOptions
        {
            ChannelId = "1",
            RedirectUri = new Uri(redirect, UriKind.RelativeOrAbsolute),
            Scopes = new[] { "message:send" },
        }));

    [Fact]
    public void AtLeastOneScopeIsRequired()
        => Should.Throw<ArgumentException>(() => LineAttachAuthorization.Create(Options().WithScopes()));
}

internal static class OptionsExtensions
{
    public static LineAttachAuthorizationOptions WithScopes(this LineAttachAuthorizationOptions options, params string[] scopes) => new()
    {
        ChannelId = options.ChannelId,
        RedirectUri = options.RedirectUri,
        Scopes = scopes,
    };
}
