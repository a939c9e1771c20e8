using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using ModuleGen.Line.Webhooks;
using ModuleGen.Line.Webhooks.Tests.Infrastructure;
using Shouldly;
using Xunit;
using Xunit.Abstractions;

namespace ModuleGen.Line.Webhooks.Tests;

public sealed class HostileInputTests
{
    private readonly ITestOutputHelper _output;

    public HostileInputTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void TenThousandMutatedBodiesEitherParseOrThrowLineWebhookExceptionAndNothingElse()
    {
        var stopwatch = Stopwatch.StartNew();
        var unexpected = new List<string>();
        var outcomes = new Dictionary<string, int>(StringComparer.Ordinal);
        var total = 0;

        foreach (var hostile in HostileBodies.Generate())
        {
            total++;
            string outcome;
            try
            {
                // A raised limit lets the 1 MB strings reach the JSON reader instead of stopping at the size check.
                LineWebhookParser.ParseUnverified(hostile.Body, maxBodyBytes: 8 * 1024 * 1024);
                outcome = "parsed";
            }
            catch (LineWebhookException exception)
            {
                outcome = exception.Reason.ToString();
            }
            catch (Exception exception)
            {
                outcome = "unexpected";
                if (unexpected.Count < 20)
                {
                    unexpected.Add($"{hostile.Description}: {exception.GetType().Name}: {exception.Message}");
                }
            }

            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
        }

        _output.WriteLine($"{total} bodies in {stopwatch.Elapsed}: {string.Join(", ", outcomes.Select(o => $"{o.Key}={o.Value}"))}");
        total.ShouldBeGreaterThanOrEqualTo(10_000);
        unexpected.ShouldBeEmpty();
        outcomes.GetValueOrDefault("parsed").ShouldBeGreaterThan(0);
        outcomes.GetValueOrDefault(nameof(LineWebhookError.MalformedJson)).ShouldBeGreaterThan(0);
        outcomes.GetValueOrDefault(nameof(LineWebhookError.InvalidShape)).ShouldBeGreaterThan(0);
    }

    [Fact]
    public void AOneMegabyteStringOverTheDefaultLimitIsRejectedAsTooLarge()
    {
        var huge = HostileBodies.Generate().First(b => b.Description.Contains("1 MB string", StringComparison.Ordinal));

        Should.Throw<LineWebhookException>(() => LineWebhookParser.ParseUnverified(huge.Body)).Reason.ShouldBe(LineWebhookError.BodyTooLarge);
    }
}
