using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using ModuleGen.Samples.Reservations;
using ModuleGen.Samples.Reservations.Demo;
using Shouldly;
using Xunit;

namespace ModuleGen.Samples.Tests;

/// <summary>The main job's story, run in CI exactly as <c>./build.sh</c> runs it.</summary>
public sealed class ReservationStoryTests
{
    [Fact]
    public async Task TheReservationModulesStoryHoldsAtEveryStep()
    {
        var output = new StringWriter();

        var succeeded = await ReservationStory.RunAsync(output);

        var transcript = output.ToString();
        succeeded.ShouldBeTrue(transcript);
        transcript.ShouldNotContain("FAIL");
        transcript.ShouldContain("code_challenge=");
        transcript.ShouldContain("POST /module/auth/v1/token");
        transcript.ShouldContain("POST /v2/bot/message/reply  X-Line-Bot-Id: U");
        transcript.ShouldContain("-> 500");
        transcript.ShouldContain("-> 409");
        transcript.ShouldContain("/control/acquire");
        transcript.ShouldContain("/control/release");
        transcript.ShouldContain("The module behaved as expected at every step.");
    }

    [Theory]
    [InlineData("")]
    [InlineData("set-me-from-user-secrets-or-environment")]
    [InlineData("0123456789abcdef")]
    public void TheModuleRefusesToStartWithoutARealChannelSecret(string secret)
    {
        var configuration = Configuration(new() { ["ChannelId"] = "1234567890", ["ChannelSecret"] = secret, ["PublicBaseUrl"] = "https://m.example.com" });

        var exception = Should.Throw<InvalidOperationException>(() => ReservationSettings.From(configuration, "/srv/module"));

        exception.Message.ShouldContain("Line__ChannelSecret");
    }

    [Fact]
    public void TheDataDirectoryIsResolvedAgainstTheContentRoot()
    {
        var configuration = Configuration(new()
        {
            ["ChannelId"] = "1234567890",
            ["ChannelSecret"] = "0123456789abcdef0123456789abcdef",
            ["PublicBaseUrl"] = "https://m.example.com",
            ["DataDirectory"] = "data",
        });

        var settings = ReservationSettings.From(configuration, "/srv/module");

        settings.DataDirectory.ShouldBe(Path.GetFullPath("/srv/module/data"));
    }

    private static IConfiguration Configuration(Dictionary<string, string?> values)
        => new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
