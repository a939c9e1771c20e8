using ModuleGen.Generator.Helpers;
using Shouldly;
using Xunit;

namespace ModuleGen.Generator.Tests;

/// <summary>Spec names become identifiers that follow .NET's casing rules.</summary>
public sealed class NamingTests
{
    [Theory]
    [InlineData("URIAction", "UriAction")]
    [InlineData("URIImagemapAction", "UriImagemapAction")]
    [InlineData("getPNPMessageStatistics", "GetPnpMessageStatistics")]
    [InlineData("issueChannelTokenByJWT", "IssueChannelTokenByJwt")]
    [InlineData("userID", "UserId")]
    [InlineData("bot_id", "BotId")]
    [InlineData("ANIMATION_SOUND", "AnimationSound")]
    [InlineData("age_15", "Age15")]
    [InlineData("IOStream", "IOStream")]
    [InlineData("richMenuId", "RichMenuId")]
    public void AcronymsOfThreeLettersOrMoreArePascalCased(string specName, string expected)
        => Naming.ToPascalCase(specName).ShouldBe(expected);

    [Theory]
    [InlineData("X-Line-Delivery-Tag", "deliveryTag")]
    [InlineData("X-Line-Retry-Key", "retryKey")]
    [InlineData("X-Request-Source", "requestSource")]
    [InlineData("Accept-Language", "acceptLanguage")]
    public void HeaderParametersLoseLinesPrefix(string header, string expected)
        => Naming.HeaderParameterName(header).ShouldBe(expected);
}
