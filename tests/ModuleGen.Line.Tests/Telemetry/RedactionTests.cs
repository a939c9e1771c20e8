using System.Linq;
using ModuleGen.Line.Tests.Infrastructure;
using Shouldly;
using Xunit;

namespace ModuleGen.Line.Tests.Telemetry;

/// <summary>Runs after every parallel test of the assembly (xunit runs non-parallel collections last).</summary>
[CollectionDefinition(nameof(AfterEverythingElse), DisableParallelization = true)]
public sealed class AfterEverythingElse
{
}

/// <summary>No log line and no exception message of the whole test run carries a token or secret the tests handed over.</summary>
[Collection(nameof(AfterEverythingElse))]
public sealed class RedactionTests
{
    [Fact]
    public void NoLogLineOrExceptionMessageOfTheWholeRunCarriesAKnownSecret()
    {
        var lines = TestRunLog.Lines.ToArray();

        // The scan is only worth something if the run's failures, retries and refusals were captured.
        lines.ShouldContain(line => line.Contains("Retrying pushMessage"));
        lines.ShouldContain(line => line.StartsWith(nameof(LineRateLimitRejectedException)));
        lines.ShouldContain(line => line.StartsWith(nameof(LineMonthlyQuotaExceededException)));
        foreach (var secret in Secrets.All)
        {
            lines.Where(line => line.Contains(secret)).ShouldBeEmpty(secret);
        }
    }
}
