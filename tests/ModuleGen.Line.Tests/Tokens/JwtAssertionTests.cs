using System;
using System.Buffers.Text;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using ModuleGen.Line.Tests.Infrastructure;
using ModuleGen.Line.Tokens;
using Shouldly;
using Xunit;

namespace ModuleGen.Line.Tests.Tokens;

public sealed class JwtAssertionTests
{
    private const string AssertionType = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    public static TheoryData<string> KeyForms => new() { "RSA", "PEM", "JWK" };

    [Fact]
    public async Task V21TokensAreIssuedWithExactlyTheJwtFormFields()
    {
        using var context = JwtContext(o => o.SigningKey = TokenTestContext.Key);

        (await context.Provider.GetAccessTokenAsync(CancellationToken.None)).ShouldBe("token-1");

        var request = context.Handler.Requests.ShouldHaveSingleItem();
        request.Uri.AbsolutePath.ShouldBe("/oauth2/v2.1/token");
        request.FormFields().Select(f => f.Key).ShouldBe(new[] { "grant_type", "client_assertion_type", "client_assertion" });
        request.Form("grant_type").ShouldBe("client_credentials");
        request.Form("client_assertion_type").ShouldBe(AssertionType);
    }

    [Theory]
    [MemberData(nameof(KeyForms))]
    public async Task TheAssertionDecodesToTheExpectedJsonAndItsSignatureVerifies(string keyForm)
    {
        using var context = JwtContext(o =>
        {
            switch (keyForm)
            {
                case "RSA": o.SigningKey = TokenTestContext.Key; break;
                case "PEM": o.SigningKeyPem = TokenTestContext.Key.ExportPkcs8PrivateKeyPem(); break;
                default: o.SigningKeyJwk = Jwk(TokenTestContext.Key); break;
            }

            o.TokenLifetime = TimeSpan.FromDays(2);
            o.AssertionLifetime = TimeSpan.FromMinutes(10);
        });

        await context.Provider.GetAccessTokenAsync(CancellationToken.None);

        var parts = context.Handler.Requests.Single().Form("client_assertion").Split('.');
        parts.Length.ShouldBe(3);
        using var header = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[0]));
        using var payload = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[1]));
        Members(header.RootElement).ShouldBe(new Dictionary<string, object>
        {
            ["alg"] = "RS256",
            ["typ"] = "JWT",
            ["kid"] = TokenTestContext.Kid,
        });
        Members(payload.RootElement).ShouldBe(new Dictionary<string, object>
        {
            ["iss"] = TokenTestContext.ChannelId,
            ["sub"] = TokenTestContext.ChannelId,
            ["aud"] = "https://api.line.me/",
            ["exp"] = TokenTestContext.Start.AddMinutes(10).ToUnixTimeSeconds(),
            ["token_exp"] = 172_800L,
        });

        using var publicKey = RSA.Create(TokenTestContext.Key.ExportParameters(includePrivateParameters: false));
        publicKey.VerifyData(
            Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]),
            Base64Url.DecodeFromChars(parts[2]),
            HashAlgorithmName.SHA256,
            RSASignaturePadding.Pkcs1).ShouldBeTrue();
    }

    [Fact]
    public async Task StatelessTokensCanBeIssuedWithTheJwtAssertionInsteadOfTheSecret()
    {
        using var context = new TokenTestContext(TokenTestContext.IssuingHandler(), o =>
        {
            o.ChannelSecret = null;
            o.UseJwtAssertionForStateless = true;
            o.Kid = TokenTestContext.Kid;
            o.SigningKey = TokenTestContext.Key;
        });

        await context.Provider.GetAccessTokenAsync(CancellationToken.None);

        var request = context.Handler.Requests.ShouldHaveSingleItem();
        request.Uri.AbsolutePath.ShouldBe("/oauth2/v3/token");
        request.FormFields().Select(f => f.Key).ShouldBe(new[] { "grant_type", "client_assertion_type", "client_assertion" });
        request.Form("client_assertion_type").ShouldBe(AssertionType);
    }

    [Fact]
    public void AKeyShorterThan2048BitsIsRefused()
    {
        using var weak = RSA.Create(1024);

        var failure = Should.Throw<ArgumentException>(() => JwtContext(o => o.SigningKey = weak));

        failure.Message.ShouldContain("2048");
    }

    [Fact]
    public void AnUnreadablePemIsRefusedWithoutQuotingIt()
    {
        const string broken = "-----BEGIN PRIVATE KEY-----\nbm90LWEta2V5LXNlY3JldC1tYXRlcmlhbA==\n-----END PRIVATE KEY-----";

        var failure = Should.Throw<ArgumentException>(() => JwtContext(o => o.SigningKeyPem = broken));

        failure.ToString().ShouldNotContain("bm90LWEta2V5");
    }

    private static TokenTestContext JwtContext(Action<LineModuleTokenOptions> configure)
        => new(TokenTestContext.IssuingHandler(expiresIn: 86_400), o =>
        {
            o.ChannelSecret = null;
            o.Kind = LineModuleTokenKind.JwtV21;
            o.Kid = TokenTestContext.Kid;
            configure(o);
        });

    private static Dictionary<string, object> Members(JsonElement element)
        => element.EnumerateObject().ToDictionary(
            p => p.Name,
            p => p.Value.ValueKind == JsonValueKind.Number ? (object)p.Value.GetInt64() : p.Value.GetString()!);

    private static string Jwk(RSA key)
    {
        var p = key.ExportParameters(includePrivateParameters: true);
        return JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["kty"] = "RSA",
            ["n"] = Base64Url.EncodeToString(p.Modulus),
            ["e"] = Base64Url.EncodeToString(p.Exponent),
            ["d"] = Base64Url.EncodeToString(p.D),
            ["p"] = Base64Url.EncodeToString(p.P),
            ["q"] = Base64Url.EncodeToString(p.Q),
            ["dp"] = Base64Url.EncodeToString(p.DP),
            ["dq"] = Base64Url.EncodeToString(p.DQ),
            ["qi"] = Base64Url.EncodeToString(p.InverseQ),
        });
    }
}
