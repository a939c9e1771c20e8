using System;
using System.Text;
using ModuleGen.Line.Webhooks;
using ModuleGen.Line.Webhooks.Tests.Infrastructure;
using Shouldly;
using Xunit;

namespace ModuleGen.Line.Webhooks.Tests;

public sealed class SignatureTests
{
    private const string OfficialBody = """{"destination":"U8e742f61d673b39c7fff3cecb7536ef0","events":[]}""";
    private const string OfficialSignature = "GhRKmvmHys4Pi8DxkF4+EayaH0OqtJtaZxgTD9fMDLs=";
    private const string OtherSecret = "0123456789abcdef0123456789abcdef";

    private static readonly byte[] Body = Encoding.UTF8.GetBytes(OfficialBody);

    [Fact]
    public void ComputeGivesLinesPublishedSignatureForTheOfficialVector()
    {
        LineWebhookSignature.Compute(Body, Fixtures.Secret).ShouldBe(OfficialSignature);
    }

    [Fact]
    public void VerifyAcceptsLinesPublishedVector()
    {
        LineWebhookSignature.Verify(Body, OfficialSignature, Fixtures.Secret).ShouldBeTrue();
    }

    [Fact]
    public void TheVerificationFixtureHasTheExactBytesOfTheOfficialVector()
    {
        Fixtures.Read("verification.empty.json").ShouldBe(Body);
    }

    [Fact]
    public void ParserAcceptsTheOfficialVectorAndReadsTheEmptyEnvelope()
    {
        var request = LineWebhookParser.Parse(Body, OfficialSignature, [Fixtures.Secret]);

        request.Destination.ShouldBe("U8e742f61d673b39c7fff3cecb7536ef0");
        request.Events.ShouldBeEmpty();
    }

    [Fact]
    public void EitherSecretSignsDuringARotation()
    {
        string[] secrets = [OtherSecret, Fixtures.Secret];

        LineWebhookSignature.Verify(Body, OfficialSignature, secrets).ShouldBeTrue();
        LineWebhookSignature.Verify(Body, Fixtures.Sign(Body, OtherSecret), secrets).ShouldBeTrue();
        LineWebhookSignature.Verify(Body, Fixtures.Sign(Body, "not-a-configured-secret"), secrets).ShouldBeFalse();
    }

    [Fact]
    public void AMissingSignatureIsRejectedAsMissing()
    {
        var exception = Should.Throw<LineWebhookException>(() => LineWebhookParser.Parse(Body, null, [Fixtures.Secret]));

        exception.Reason.ShouldBe(LineWebhookError.MissingSignature);
    }

    public static TheoryData<string, string> BypassAttempts()
    {
        var pretty = "{\n  \"destination\": \"U8e742f61d673b39c7fff3cecb7536ef0\",\n  \"events\": []\n}";
        return new TheoryData<string, string>
        {
            { "wrong secret", Fixtures.Sign(Body, OtherSecret) },
            { "signature of the pretty-printed body", Fixtures.Sign(Encoding.UTF8.GetBytes(pretty)) },
            { "signature of a different body", Fixtures.Sign(Encoding.UTF8.GetBytes(OfficialBody.Replace("U8e", "U9e", StringComparison.Ordinal))) },
            { "truncated signature", OfficialSignature[..43] },
            { "signature without padding", OfficialSignature.TrimEnd('=') },
            { "empty header", string.Empty },
            { "leading whitespace", " " + OfficialSignature },
            { "trailing whitespace", OfficialSignature + " " },
            { "whitespace inside", OfficialSignature[..20] + " " + OfficialSignature[20..] },
            { "line break inside", OfficialSignature[..20] + "\n" + OfficialSignature[21..] },
            { "non-base64", "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!=" },
            { "hex digest instead of base64", Convert.ToHexString(Convert.FromBase64String(OfficialSignature)) },
            { "url-safe base64", OfficialSignature.Replace('+', '-') },
            { "lower-cased signature", OfficialSignature.ToLowerInvariant() },
            { "non-ASCII lookalike", OfficialSignature.Replace('G', 'Ｇ') },
            { "signature repeated", OfficialSignature + OfficialSignature },
            { "the secret itself", Fixtures.Secret },
        };
    }

    [Theory]
    [MemberData(nameof(BypassAttempts))]
    public void EveryBypassAttemptIsRejectedAsAnInvalidSignature(string attempt, string signature)
    {
        var exception = Should.Throw<LineWebhookException>(
            () => LineWebhookParser.Parse(Body, signature, [Fixtures.Secret]), attempt);

        exception.Reason.ShouldBe(LineWebhookError.InvalidSignature);
        exception.Message.ShouldNotContain(Fixtures.Secret);
    }

    [Fact]
    public void AReSerializedBodyDoesNotMatchTheOriginalSignature()
    {
        var pretty = Encoding.UTF8.GetBytes("{ \"destination\": \"U8e742f61d673b39c7fff3cecb7536ef0\", \"events\": [] }");

        var exception = Should.Throw<LineWebhookException>(() => LineWebhookParser.Parse(pretty, OfficialSignature, [Fixtures.Secret]));

        exception.Reason.ShouldBe(LineWebhookError.InvalidSignature);
    }

    [Fact]
    public void TheSizeLimitIsCheckedBeforeTheSignature()
    {
        var exception = Should.Throw<LineWebhookException>(
            () => LineWebhookParser.Parse(Body, "bogus", [Fixtures.Secret], maxBodyBytes: Body.Length - 1));

        exception.Reason.ShouldBe(LineWebhookError.BodyTooLarge);
    }

    [Fact]
    public void ParsingWithoutAnySecretIsAConfigurationErrorNotASilentPass()
    {
        Should.Throw<ArgumentException>(() => LineWebhookParser.Parse(Body, OfficialSignature, []));
    }
}
