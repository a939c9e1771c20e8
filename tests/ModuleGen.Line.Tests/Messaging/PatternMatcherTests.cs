using System;
using System.Linq;
using System.Text.RegularExpressions;
using ModuleGen.Line.Runtime;
using Shouldly;
using Xunit;

namespace ModuleGen.Line.Tests.Messaging;

/// <summary>The plain character check that stands in for simple generated regexes accepts exactly what the regex accepts.</summary>
public sealed class PatternMatcherTests
{
    private static readonly string[] Inputs =
    [
        string.Empty, "\n", "U", "u", "U\n", "a", "A-1", "A-", "A-12\n", "A-1\n\n", "B-0123", "a-1", "AB-1", "20240131", "2024013",
        "202401311", "20240131\n", "2024013a", "#00ff7F", "#00ff7", "#00ff7F\n", "00ff7F", "abc_DEF-09", "abc def", "-", "_",
        "U4af4980629d3a8e1e85b1a0e9a3c1f2b", "U4af4980629d3a8e1e85b1a0e9a3c1f2b\n", "U4af4980629d3a8e1e85b1a0e9a3c1f2b\r",
        "U4AF4980629d3a8e1e85b1a0e9a3c1f2b", "U4af4980629d3a8e1e85b1a0e9a3c1f2", "U4af4980629d3a8e1e85b1a0e9a3c1f2bb",
        "\nU4af4980629d3a8e1e85b1a0e9a3c1f2b", new string('a', 30), new string('a', 31), new string('x', 100), new string('x', 101),
        "caf\u00e9", "\u0660\u0661", "ab]", "a^b", "a$",
    ];

    [Theory]
    [InlineData("^U[0-9a-f]{32}$")]
    [InlineData("^[0-9]{8}$")]
    [InlineData("^[a-zA-Z0-9_]{1,30}$")]
    [InlineData("^[a-zA-Z0-9_-]{1,32}$")]
    [InlineData("^[a-zA-Z0-9_-]{1,100}$")]
    [InlineData("^[A-Z]-[0-9]+$")]
    [InlineData("^#[0-9a-fA-F]{6}$")]
    [InlineData("^[a-z]+$")]
    [InlineData("^a?$")]
    [InlineData("^A-[0-9]*$")]
    [InlineData("^[-a^]{2}$")]
    public void ASimplePatternIsCheckedWithoutTheRegexAndAcceptsWhatTheRegexAccepts(string pattern)
    {
        var regex = new Regex(pattern, RegexOptions.CultureInvariant);

        LinePatternMatcher.TryParse(regex).ShouldNotBeNull();
        foreach (var input in Inputs.Concat(Inputs.Select(i => i + "\n")))
        {
            LinePatternMatcher.IsMatch(regex, input).ShouldBe(regex.IsMatch(input), $"{pattern} on '{input.Replace("\n", "\\n", StringComparison.Ordinal)}'");
        }
    }

    [Theory]
    [InlineData("^[a-z]+[0-9]$")]
    [InlineData("^\\d{8}$")]
    [InlineData("^[^a]$")]
    [InlineData("^a|b$")]
    [InlineData("^(ab){2}$")]
    [InlineData("^a.b$")]
    [InlineData("^a{2,}$")]
    [InlineData("^a+?$")]
    [InlineData("[a-z]+")]
    [InlineData("^[]a]$")]
    [InlineData("^[a-z-[aeiou]]$")]
    public void AnyOtherPatternKeepsItsRegex(string pattern)
    {
        var regex = new Regex(pattern, RegexOptions.CultureInvariant);

        LinePatternMatcher.TryParse(regex).ShouldBeNull();
        foreach (var input in Inputs)
        {
            LinePatternMatcher.IsMatch(regex, input).ShouldBe(regex.IsMatch(input));
        }
    }

    [Fact]
    public void ARegexWithOtherOptionsKeepsItsRegex()
        => LinePatternMatcher.TryParse(new Regex("^[a-z]+$", RegexOptions.IgnoreCase)).ShouldBeNull();

    [Fact]
    public void AMalformedBotIdIsRefusedBeforeAnyCall()
    {
        var client = new MessagingApiClient(new LineClientPipeline(new System.Net.Http.HttpClient()));

        Should.Throw<ArgumentException>(() => client.ForBot("U4AF4980629d3a8e1e85b1a0e9a3c1f2b")).ParamName.ShouldBe("botId");
        Should.Throw<ArgumentException>(() => client.ForBot("U4af4980629d3a8e1e85b1a0e9a3c1f2")).ParamName.ShouldBe("botId");
        client.ForBot("U4af4980629d3a8e1e85b1a0e9a3c1f2b").BotId.ShouldBe("U4af4980629d3a8e1e85b1a0e9a3c1f2b");
    }
}
