using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ModuleGen.Line.Tests.Infrastructure;
using ModuleGen.Line.Tests.Messaging;
using ModuleGen.Line.Tokens;
using Shouldly;
using Xunit;

namespace ModuleGen.Line.Tests.DependencyInjection;

/// <summary>One-call setup from configuration: validated at start, the generated client set, a builder for more handlers.</summary>
public sealed class AddLineModuleTests
{
    [Fact]
    public void EveryGeneratedClientIsRegisteredNotAHandKeptList()
    {
        using var host = LineTestHost.Create(new FakeLineHandler((_, _) => Faults.Ok()));

        ModuleGenManifest.ClientFactories.Length.ShouldBe(ModuleGenManifest.Clients);
        foreach (var (type, _) in ModuleGenManifest.ClientFactories)
        {
            host.Services.GetRequiredService(type).ShouldBeOfType(type);
        }

        ModuleGenManifest.ClientFactories.Select(f => f.Type.Name).ShouldContain(nameof(ChannelAccessTokenClient));
    }

    [Fact]
    public void SettingsThatCannotWorkFailAtStartWithAMessagePerProblemNamingTheSettingButNeverTheSecret()
    {
        var failure = Should.Throw<OptionsValidationException>(() => LineTestHost.Create(
            new FakeLineHandler((_, _) => Faults.Ok()),
            new Dictionary<string, string?>
            {
                ["ChannelId"] = "",
                ["BotIdHeaderName"] = "X Bot",
                ["Endpoints:api.line.me"] = "not a url",
            }));

        failure.Failures.ShouldContain(f => f.Contains("ChannelId is required"));
        failure.Failures.ShouldContain(f => f.Contains("Line:BotIdHeaderName"));
        failure.Failures.ShouldContain(f => f.Contains("Line:Endpoints:api.line.me"));
        failure.Message.ShouldNotContain(Secrets.ChannelSecret);
    }

    [Fact]
    public void ResilienceAndLimiterSettingsAreValidatedAtStartToo()
    {
        var resilience = Should.Throw<Exception>(() => LineTestHost.Create(
            new FakeLineHandler((_, _) => Faults.Ok()),
            new Dictionary<string, string?> { ["Resilience:TotalTimeout"] = "00:00:01", ["Resilience:AttemptTimeout"] = "00:00:02", ["RateLimits:QueueTime"] = "00:00:00.5" }));
        var limiter = Should.Throw<OptionsValidationException>(() => LineTestHost.Create(
            new FakeLineHandler((_, _) => Faults.Ok()),
            new Dictionary<string, string?> { ["RateLimits:QueueTime"] = "00:00:05" }));

        // Two options types fail here (the limiter's check reads the attempt timeout too): the start-up validator aggregates them.
        resilience.ShouldBeOfType<AggregateException>().InnerExceptions.OfType<OptionsValidationException>()
            .SelectMany(e => e.Failures).ShouldContain(f => f.Contains("Resilience:TotalTimeout"));
        limiter.Failures.ShouldContain(f => f.Contains("RateLimits:QueueTime"));
    }

    [Fact]
    public async Task SettingsFromConfigurationReachTheClientsAndTheBuilderTakesTheUsersOwnHandlers()
    {
        var line = new FakeLineHandler((_, _) => Faults.Ok());
        var seen = new List<string>();
        using var host = LineTestHost.Create(
            line,
            new Dictionary<string, string?> { ["BotIdHeaderName"] = "X-Partner-Bot", ["Endpoints:*"] = "http://partner.test/" },
            builder => builder.AddHttpMessageHandler(() => new Recording(seen)));

        await host.Bot(MessagingTestContext.BotId).PushMessageAsync(MessagingTestContext.Push());

        var request = line.Requests.ShouldHaveSingleItem();
        request.Header("X-Partner-Bot").ShouldBe(MessagingTestContext.BotId);
        request.Uri.Host.ShouldBe("partner.test");
        request.Header("Authorization").ShouldBe("Bearer " + Secrets.AccessToken);
        seen.ShouldBe(new[] { "pushMessage" });
        host.Services.GetRequiredService<IOptions<LineModuleTokenOptions>>().Value.ChannelSecret.ShouldBe(Secrets.ChannelSecret);
        host.Services.GetRequiredService<LineChannelCredentials>().ChannelId.ShouldBe("1234567890");
    }

    [Fact]
    public void TheModuleOptionsNeverShowTheSecret()
    {
        var options = new LineModuleOptions { ChannelId = "1", ChannelSecret = Secrets.ChannelSecret, SigningKeyPem = "-----BEGIN PRIVATE KEY-----" };

        options.ToString().ShouldNotContain(Secrets.ChannelSecret);
        options.ToString().ShouldNotContain("BEGIN");
    }

    private sealed class Recording : DelegatingHandler
    {
        private readonly List<string> _seen;

        public Recording(List<string> seen) => _seen = seen;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Options.TryGetValue(LineRequestOptions.Operation, out var operation);
            _seen.Add(operation!.OperationId);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
