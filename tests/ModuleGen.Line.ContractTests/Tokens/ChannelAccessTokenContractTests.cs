using System;
using System.Threading.Tasks;
using ModuleGen.Line.ContractTests.Messaging;
using ModuleGen.Line.Models;
using ModuleGen.Line.Testing;
using ModuleGen.Line.Testing.Spec;
using Shouldly;
using Xunit;
using static ModuleGen.Line.ContractTests.SpecConformance;

namespace ModuleGen.Line.ContractTests.Tokens;

/// <summary>
/// The channel access token operations: no bot id and no Authorization header, credentials in the form body or the query,
/// OAuth-shaped errors; asserted on what WireMock received and on the parsed responses.
/// </summary>
[Collection(LinePlatformCollection.Name)]
public sealed class ChannelAccessTokenContractTests(LinePlatformFixture fixture) : ContractTest(fixture)
{
    private const string FormContentType = "application/x-www-form-urlencoded"; // FormUrlEncodedContent sends no charset
    private const string JwtBearer = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
    private const string ChannelId = "1657365286";
    private const string ChannelSecret = "8c3a1e5b2f9d4c7a6e0b1d2f3a4c5e6f";

    // RS256 JWT: kid from the console; iss and sub the channel ID, aud https://api.line.me/, token_exp 30 days.
    private const string Assertion =
        "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCIsImtpZCI6IjUzNmU0NTNhLWQ0ZTgtNDMxZi05ZGFkLTFjNjM5ZmEyOTA4MyJ9"
        + ".eyJpc3MiOiIxNjU3MzY1Mjg2Iiwic3ViIjoiMTY1NzM2NTI4NiIsImF1ZCI6Imh0dHBzOi8vYXBpLmxpbmUubWUvIiwiZXhwIjoxNzY3MjI1NjAwLCJ0b2tlbl9leHAiOjI1OTIwMDB9"
        + ".-z--_xepwN5eEfDw_-47fSyBpPbp0MOyoQ";

    private const string V21Token = "eyJhbGciOiJIUzI1NiJ9.djIuMQ.c2lnbmF0dXJl";

    // Short-lived tokens are base64 with '+', '/' and '=': each must survive form encoding.
    private const string ShortLivedToken = "W1TeHCgfH2Liwa+u4mjo/gB7Q9Zq1k3x8Lr0P5NvYsE=";

    [Trait(SpecConformance.Operation, "issueStatelessChannelToken")]
    [Fact]
    public Task IssueStatelessChannelTokenWithTheChannelSecretSendsOnlyTheIdAndSecretPair() =>
        ShouldIssueAStatelessToken(
            new IssueStatelessChannelTokenRequest { GrantType = OAuthGrantType.ClientCredentials, ClientId = ChannelId, ClientSecret = ChannelSecret },
            "eyJhbGciOiJIUzI1NiJ9.c3RhdGVsZXNz.c2lnbmF0dXJl",
            899,
            ("grant_type", "client_credentials"),
            ("client_id", ChannelId),
            ("client_secret", ChannelSecret));

    [Trait(SpecConformance.Operation, "issueStatelessChannelToken")]
    [Fact]
    public Task IssueStatelessChannelTokenWithAJwtAssertionSendsOnlyTheAssertionPair() =>
        ShouldIssueAStatelessToken(
            new IssueStatelessChannelTokenRequest
            {
                GrantType = OAuthGrantType.ClientCredentials,
                ClientAssertionType = OAuthClientAssertionType.UrnIetfParamsOauthClientAssertionTypeJwtBearer,
                ClientAssertion = Assertion,
            },
            "eyJhbGciOiJIUzI1NiJ9.c3RhdGVsZXNzLWp3dA.c2lnbmF0dXJl",
            900,
            ("grant_type", "client_credentials"),
            ("client_assertion_type", JwtBearer),
            ("client_assertion", Assertion));

    [Trait(SpecConformance.Operation, "issueStatelessChannelToken")]
    [Fact]
    public Task IssueStatelessChannelTokenRejectedAsInvalidClientCarriesTheOAuthCodeButNotTheSecret() =>
        ShouldBeRefusedWithAnOAuthError(
            "issueStatelessChannelToken",
            "/oauth2/v3/token",
            "invalid_client",
            "invalid client_secret",
            ChannelSecret,
            tokens => tokens.IssueStatelessChannelTokenAsync(new IssueStatelessChannelTokenRequest
            {
                GrantType = OAuthGrantType.ClientCredentials,
                ClientId = ChannelId,
                ClientSecret = ChannelSecret,
            }));

    [Trait(SpecConformance.Operation, "issueChannelTokenByJWT")]
    [Fact]
    public async Task IssueChannelTokenByJwtSendsTheAssertionFormAndParsesTheKeyId()
    {
        Platform.SpecStub("issueChannelTokenByJWT").RespondJson(
            200,
            """{"access_token":"eyJhbGciOiJIUzI1NiJ9.djIuMQ.c2lnbmF0dXJl","expires_in":2592000,"token_type":"Bearer","key_id":"sDTOzw5wIfWxxxxzcmeQA"}""");

        var (response, request) = await CallOnce(null, clients => clients.Tokens.IssueChannelTokenByJwtAsync(new IssueChannelTokenByJwtRequest
        {
            GrantType = OAuthGrantType.ClientCredentials,
            ClientAssertionType = OAuthClientAssertionType.UrnIetfParamsOauthClientAssertionTypeJwtBearer,
            ClientAssertion = Assertion,
        }));

        response.Value.AccessToken.ShouldBe(V21Token);
        response.Value.ExpiresIn.ShouldBe(2592000L);
        response.Value.TokenType.ShouldBe("Bearer");
        response.Value.KeyId.ShouldBe("sDTOzw5wIfWxxxxzcmeQA");
        ShouldPostTheForm(
            request,
            "/oauth2/v2.1/token",
            "issueChannelTokenByJWT",
            ("grant_type", "client_credentials"),
            ("client_assertion_type", JwtBearer),
            ("client_assertion", Assertion));
    }

    [Trait(SpecConformance.Operation, "issueChannelTokenByJWT")]
    [Fact]
    public Task IssueChannelTokenByJwtRejectedAssertionCarriesTheOAuthCodeButNotTheAssertion() =>
        ShouldBeRefusedWithAnOAuthError(
            "issueChannelTokenByJWT",
            "/oauth2/v2.1/token",
            "invalid_request",
            "JWT expired",
            Assertion,
            tokens => tokens.IssueChannelTokenByJwtAsync(new IssueChannelTokenByJwtRequest
            {
                GrantType = OAuthGrantType.ClientCredentials,
                ClientAssertionType = OAuthClientAssertionType.UrnIetfParamsOauthClientAssertionTypeJwtBearer,
                ClientAssertion = Assertion,
            }));

    [Trait(SpecConformance.Operation, "getsAllValidChannelAccessTokenKeyIds")]
    [Fact]
    public async Task GetsAllValidChannelAccessTokenKeyIdsSendsTheAssertionInTheQueryAndParsesTheKeyIds()
    {
        Platform.SpecStub("getsAllValidChannelAccessTokenKeyIds")
            .WithQueryParameter("client_assertion_type", JwtBearer)
            .WithQueryParameter("client_assertion", Assertion)
            .RespondJson(200, """{"kids":["U_gdnFYKTWRxxxxDVZexGg","sDTOzw5wIfWxxxxzcmeQA"]}""");

        var (response, request) = await CallOnce(null, clients => clients.Tokens.GetsAllValidChannelAccessTokenKeyIdsAsync(
            OAuthClientAssertionType.UrnIetfParamsOauthClientAssertionTypeJwtBearer, Assertion));

        response.Value.Kids.ShouldBe(new[] { "U_gdnFYKTWRxxxxDVZexGg", "sDTOzw5wIfWxxxxzcmeQA" });
        ShouldGetWithTheQuery(request, "/oauth2/v2.1/tokens/kid", "getsAllValidChannelAccessTokenKeyIds", ("client_assertion_type", JwtBearer), ("client_assertion", Assertion));
    }

    [Trait(SpecConformance.Operation, "verifyChannelTokenByJWT")]
    [Fact]
    public async Task VerifyChannelTokenByJwtSendsTheTokenInTheQueryAndParsesChannelLifetimeAndScope()
    {
        Platform.SpecStub("verifyChannelTokenByJWT")
            .WithQueryParameter("access_token", V21Token)
            .RespondJson(200, $$"""{"client_id":"{{ChannelId}}","expires_in":2591964,"scope":"profile chat_message.write"}""");

        var (response, request) = await CallOnce(null, clients => clients.Tokens.VerifyChannelTokenByJwtAsync(V21Token));

        response.Value.ClientId.ShouldBe(ChannelId);
        response.Value.ExpiresIn.ShouldBe(2591964L);
        response.Value.Scope.ShouldBe("profile chat_message.write");
        ShouldGetWithTheQuery(request, "/oauth2/v2.1/verify", "verifyChannelTokenByJWT", ("access_token", V21Token));
    }

    [Trait(SpecConformance.Operation, "revokeChannelTokenByJWT")]
    [Fact]
    public async Task RevokeChannelTokenByJwtSendsTheChannelCredentialsAndTheToken()
    {
        Platform.SpecStub("revokeChannelTokenByJWT").RespondStatus(200);

        var (_, request) = await CallOnce(null, clients => clients.Tokens.RevokeChannelTokenByJwtAsync(new RevokeChannelTokenByJwtRequest
        {
            ClientId = ChannelId,
            ClientSecret = ChannelSecret,
            AccessToken = V21Token,
        }));

        ShouldPostTheForm(
            request,
            "/oauth2/v2.1/revoke",
            "revokeChannelTokenByJWT",
            ("client_id", ChannelId),
            ("client_secret", ChannelSecret),
            ("access_token", V21Token));
    }

    [Trait(SpecConformance.Operation, "issueChannelToken")]
    [Fact]
    public async Task IssueChannelTokenSendsTheClientCredentialsAndParsesTheShortLivedToken()
    {
        Platform.SpecStub("issueChannelToken").RespondJson(
            200, $$"""{"access_token":"{{ShortLivedToken}}","expires_in":2592000,"token_type":"Bearer"}""");

        var (response, request) = await CallOnce(null, clients => clients.Tokens.IssueChannelTokenAsync(new IssueChannelTokenRequest
        {
            GrantType = OAuthGrantType.ClientCredentials,
            ClientId = ChannelId,
            ClientSecret = ChannelSecret,
        }));

        response.Value.AccessToken.ShouldBe(ShortLivedToken);
        response.Value.ExpiresIn.ShouldBe(2592000);
        response.Value.TokenType.ShouldBe("Bearer");
        ShouldPostTheForm(
            request,
            "/v2/oauth/accessToken",
            "issueChannelToken",
            ("grant_type", "client_credentials"),
            ("client_id", ChannelId),
            ("client_secret", ChannelSecret));
    }

    [Trait(SpecConformance.Operation, "verifyChannelToken")]
    [Fact]
    public async Task VerifyChannelTokenSendsTheTokenInTheFormAndParsesChannelLifetimeAndScope()
    {
        Platform.SpecStub("verifyChannelToken").RespondJson(
            200, $$"""{"client_id":"{{ChannelId}}","expires_in":2591659,"scope":"P"}""");

        var (response, request) = await CallOnce(null, clients => clients.Tokens.VerifyChannelTokenAsync(new VerifyChannelTokenRequest { AccessToken = ShortLivedToken }));

        response.Value.ClientId.ShouldBe(ChannelId);
        response.Value.ExpiresIn.ShouldBe(2591659L);
        response.Value.Scope.ShouldBe("P");
        ShouldPostTheForm(request, "/v2/oauth/verify", "verifyChannelToken", ("access_token", ShortLivedToken));
    }

    [Trait(SpecConformance.Operation, "revokeChannelToken")]
    [Fact]
    public async Task RevokeChannelTokenSendsOnlyTheToken()
    {
        Platform.SpecStub("revokeChannelToken").RespondStatus(200);

        var (_, request) = await CallOnce(null, clients => clients.Tokens.RevokeChannelTokenAsync(new RevokeChannelTokenRequest { AccessToken = ShortLivedToken }));

        ShouldPostTheForm(request, "/v2/oauth/revoke", "revokeChannelToken", ("access_token", ShortLivedToken));
    }

    /// <summary>A form POST for the channel (<see cref="ShouldBeChannelFormPost"/>) with exactly these fields, in this order.</summary>
    private static void ShouldPostTheForm(LineRecordedRequest request, string path, string operationId, params (string Name, string Value)[] fields)
    {
        ShouldBeChannelFormPost(request, path, operationId);
        request.ShouldHaveTheForm(fields);
    }

    /// <summary>A GET for the channel with exactly this query, no bot or auth headers and no body.</summary>
    private static void ShouldGetWithTheQuery(LineRecordedRequest request, string path, string operationId, params (string Name, string Value)[] query)
    {
        request.ShouldBeCall(operationId, "GET", path, query);
        ShouldCarryNoBotOrAuthHeaders(request);
        request.ShouldHaveNoBody();
    }

    /// <summary>
    /// A stateless token (15 minutes) for the channel: the answer's token, lifetime and type parsed; the form POST to
    /// /oauth2/v3/token carries exactly the <paramref name="form"/> fields.
    /// </summary>
    private async Task ShouldIssueAStatelessToken(
        IssueStatelessChannelTokenRequest body,
        string accessToken,
        int expiresIn,
        params (string Name, string Value)[] form)
    {
        Platform.SpecStub("issueStatelessChannelToken")
            .RespondJson(200, $$"""{"access_token":"{{accessToken}}","expires_in":{{expiresIn}},"token_type":"Bearer"}""");

        var (response, request) = await CallOnce(null, clients => clients.Tokens.IssueStatelessChannelTokenAsync(body));

        response.Value.AccessToken.ShouldBe(accessToken);
        response.Value.ExpiresIn.ShouldBe(expiresIn);
        response.Value.TokenType.ShouldBe("Bearer");
        ShouldPostTheForm(request, "/oauth2/v3/token", "issueStatelessChannelToken", form);
    }

    /// <summary>
    /// LINE refuses the form POST with an OAuth-shaped 400: the OAuth error code, no LINE error object or details, the raw
    /// body kept, the description in the message and <paramref name="secret"/> not; exactly one request, the form POST.
    /// </summary>
    private async Task ShouldBeRefusedWithAnOAuthError(
        string operationId,
        string path,
        string errorCode,
        string description,
        string secret,
        Func<ChannelAccessTokenClient, Task> call)
    {
        var body = $$"""{"error":"{{errorCode}}","error_description":"{{description}}"}""";
        Platform.SpecStub(operationId).RespondJson(400, body);
        using var clients = new MessagingApiClients(Platform);

        var exception = await Should.ThrowAsync<LineApiException>(() => call(clients.Tokens));

        exception.Status.ShouldBe(400);
        exception.OperationId.ShouldBe(operationId);
        exception.ErrorCode.ShouldBe(errorCode);
        exception.Error.ShouldBeNull();
        exception.Details.ShouldBeEmpty();
        exception.RawBody.ShouldBe(body);
        exception.Message.ShouldContain(description);
        exception.Message.ShouldNotContain(secret);
        ShouldBeChannelFormPost(Platform.Requests.ShouldHaveSingleItem(), path, operationId);
    }

    private static void ShouldBeChannelFormPost(LineRecordedRequest request, string path, string operationId)
    {
        request.ShouldConformTo(operationId);
        request.Method.ShouldBe("POST");
        request.Path.ShouldBe(path);
        request.Query.ShouldBeEmpty();
        ShouldCarryNoBotOrAuthHeaders(request);
        request.Header("Content-Type").ShouldBe(FormContentType);
    }

    /// <summary>The token endpoints act for the channel itself: no bearer token, no bot id, no retry key.</summary>
    private static void ShouldCarryNoBotOrAuthHeaders(LineRecordedRequest request)
    {
        request.HasHeader("Authorization").ShouldBeFalse();
        request.HasHeader("X-Line-Bot-Id").ShouldBeFalse();
        request.HasHeader("X-Line-Retry-Key").ShouldBeFalse();
    }
}
