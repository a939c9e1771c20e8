using System;
using System.Collections.Generic;
using System.Net.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ModuleGen.Line.Tests.Infrastructure;

/// <summary>
/// A container set up the way a module sets itself up — <c>AddLineModule(configuration.GetSection("Line"))</c> — whose
/// HTTP client ends in a fake LINE. Settings are the configuration keys under <c>Line:</c>; the defaults keep
/// backoffs in milliseconds and the circuit closed unless a test asks otherwise.
/// </summary>
public sealed class LineTestHost : IDisposable
{
    private static readonly Dictionary<string, string?> Defaults = new()
    {
        ["ChannelId"] = "1234567890",
        ["ChannelSecret"] = Secrets.ChannelSecret,
        ["Endpoints:*"] = "http://line.test/",
        ["Resilience:RetryDelay"] = "00:00:00.005",
        ["Resilience:MaxRetryDelay"] = "00:00:00.050",
        ["Resilience:AttemptTimeout"] = "00:00:02",
        ["Resilience:TotalTimeout"] = "00:00:10",
        ["Resilience:CircuitMinimumThroughput"] = "1000",
        ["RateLimits:QueueTime"] = "00:00:01",
    };

    private LineTestHost(ServiceProvider services) => Services = services;

    public ServiceProvider Services { get; }

    public MessagingApiClient Messaging => Services.GetRequiredService<MessagingApiClient>();

    public MessagingApiBotClient Bot(string botId) => Messaging.ForBot(botId);

    public static LineTestHost Create(
        HttpMessageHandler line,
        IReadOnlyDictionary<string, string?>? settings = null,
        Action<LineModuleBuilder>? configure = null)
    {
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in Defaults)
        {
            values["Line:" + key] = value;
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values["Line:" + key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(TestRunLog.Provider).SetMinimumLevel(LogLevel.Trace));
        var builder = services.AddLineModule(configuration.GetSection("Line"));
        builder.ConfigurePrimaryHttpMessageHandler(() => line);
        services.Replace(ServiceDescriptor.Singleton<ILineAccessTokenProvider>(new LineStaticAccessTokenProvider(Secrets.AccessToken)));
        configure?.Invoke(builder);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        provider.GetRequiredService<IStartupValidator>().Validate();
        return new LineTestHost(provider);
    }

    public void Dispose() => Services.Dispose();
}
