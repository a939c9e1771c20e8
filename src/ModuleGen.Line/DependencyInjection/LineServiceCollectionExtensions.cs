using System;
using System.Net.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ModuleGen.Line;
using ModuleGen.Line.RateLimiting;
using ModuleGen.Line.Tokens;

namespace ModuleGen.Line;

/// <summary>Registers ModuleGen's LINE clients.</summary>
public static class LineServiceCollectionExtensions
{
    /// <summary>The name of the <see cref="HttpClient"/> every generated client sends through.</summary>
    public const string HttpClientName = "ModuleGen.Line";

    /// <summary>
    /// Everything a module needs, from one configuration section (usually <c>Line</c>): the token provider, the
    /// channel credentials, every generated client on one pipeline, LINE's resilience pipeline
    /// (<c>Line:Resilience</c>) and the client-side rate limiter (<c>Line:RateLimits</c>). The settings are validated
    /// when the host starts, with a message per problem naming the setting. Returns the clients' HTTP client builder.
    /// </summary>
    public static LineModuleBuilder AddLineModule(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<LineModuleOptions>().Bind(configuration).ValidateOnStart();
        services.AddSingleton<IValidateOptions<LineModuleOptions>>(new LineOptionsValidator<LineModuleOptions>(null, static o => o.Validate()));
        services.AddOptions<LineClientOptions>().Configure<IOptions<LineModuleOptions>>(static (client, module) => module.Value.ApplyTo(client));

        var tokens = services.AddLineModuleTokenProvider(static _ => { });
        services.AddOptions<LineModuleTokenOptions>().Configure<IOptions<LineModuleOptions>>(static (token, module) => module.Value.ApplyTo(token));
        if (!string.IsNullOrEmpty(configuration[nameof(LineModuleOptions.ChannelSecret)]))
        {
            services.TryAddSingleton(static provider =>
            {
                var module = provider.GetRequiredService<IOptions<LineModuleOptions>>().Value;
                return new LineChannelCredentials(module.ChannelId, module.ChannelSecret!);
            });
        }

        var clients = services.AddLineModuleClients();
        services.AddOptions<LineResilienceOptions>(clients.Name).Bind(configuration.GetSection("Resilience"));
        clients.AddLineResilience();
        clients.AddLineRateLimiter(configuration.GetSection("RateLimits"));
        return new LineModuleBuilder(clients, tokens);
    }

    /// <summary>
    /// Adds the client-side rate limiter (one permit per attempt, keyed by OA and operation) to an HTTP client, inside
    /// whatever was added before it. The limiter is the registered <see cref="ILineRateLimiter"/> — by default an
    /// in-process <see cref="LineLocalRateLimiter"/>; register a shared one first to limit across instances.
    /// </summary>
    public static IHttpClientBuilder AddLineRateLimiter(this IHttpClientBuilder builder, IConfiguration? configuration = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var name = builder.Name;
        var options = services.AddOptions<LineRateLimiterOptions>();
        if (configuration is not null)
        {
            options.Bind(configuration);
        }

        options.ValidateOnStart();
        services.AddSingleton<IValidateOptions<LineRateLimiterOptions>>(provider => new LineOptionsValidator<LineRateLimiterOptions>(
            null, o => o.Validate(provider.GetRequiredService<IOptionsMonitor<LineResilienceOptions>>().Get(name).AttemptTimeout)));
        services.TryAddSingleton<ILineRateLimiter>(static provider =>
            new LineLocalRateLimiter(provider.GetRequiredService<IOptions<LineRateLimiterOptions>>().Value.QueueLimit));
        return builder.AddHttpMessageHandler(static provider => new LineRateLimitingHandler(
            provider.GetRequiredService<ILineRateLimiter>(),
            provider.GetRequiredService<IOptions<LineRateLimiterOptions>>().Value,
            provider.GetService<ILoggerFactory>()?.CreateLogger("ModuleGen.Line.RateLimiting")));
    }

    /// <summary>
    /// Registers a <see cref="LineClientPipeline"/> on a typed <see cref="HttpClient"/>, plus every client the
    /// generator produced from the spec (the generated set, so a new spec file's client is registered too).
    /// Credentials come from the container: an <see cref="ILineAccessTokenProvider"/> (Bearer calls) and
    /// <see cref="LineChannelCredentials"/> (the attach call). Returns the HTTP client builder, so handlers can be
    /// added: <c>.AddLineResilience()</c>, <c>.AddLineRateLimiter()</c>, or your own. IHttpClientFactory's default
    /// per-request loggers are not on this client (the pipeline logs failed calls and retries itself); add them back
    /// with <c>.AddDefaultLogger()</c>.
    /// </summary>
    public static IHttpClientBuilder AddLineModuleClients(this IServiceCollection services, Action<LineClientOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<LineClientOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        // IHttpClientFactory's default request loggers format every request's URL (LINE user IDs in its path) even when
        // no logger is on — about a sixth of a call's CPU through the default pipeline. Failed calls and retries are
        // logged by the pipeline itself (LineClientLog); .AddDefaultLogger() on the returned builder brings them back.
        var builder = services.AddHttpClient(HttpClientName).RemoveAllLoggers();
        builder.AddTypedClient(static (httpClient, provider) => new LineClientPipeline(
            httpClient,
            provider.GetRequiredService<IOptions<LineClientOptions>>().Value,
            provider.GetService<ILineAccessTokenProvider>(),
            provider.GetService<LineChannelCredentials>(),
            provider.GetService<ILogger<LineClientPipeline>>()));
        foreach (var (type, create) in ModuleGenManifest.ClientFactories)
        {
            services.TryAdd(ServiceDescriptor.Transient(type, provider => create(provider.GetRequiredService<LineClientPipeline>())));
        }

        return builder;
    }
}
