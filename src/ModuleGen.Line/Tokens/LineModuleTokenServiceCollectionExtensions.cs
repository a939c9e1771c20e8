using System;
using System.Net.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ModuleGen.Line;
using ModuleGen.Line.Tokens;

namespace ModuleGen.Line;

/// <summary>Registers the module channel access token provider.</summary>
public static class LineModuleTokenServiceCollectionExtensions
{
    /// <summary>The name of the <see cref="HttpClient"/> the token provider issues tokens with.</summary>
    public const string HttpClientName = "ModuleGen.Line.Tokens";

    /// <summary>
    /// Registers <see cref="LineModuleTokenProvider"/> as the singleton <see cref="ILineAccessTokenProvider"/>. It
    /// calls the token endpoints through its own named <see cref="HttpClient"/> (<see cref="HttpClientName"/>), not
    /// through the Bearer-authenticated client pipeline, so the two never depend on each other. Endpoint mappings
    /// from <see cref="LineClientOptions"/> apply when that is registered. Returns the HTTP client builder of the
    /// token client, so handlers can be added.
    /// </summary>
    public static IHttpClientBuilder AddLineModuleTokenProvider(this IServiceCollection services, Action<LineModuleTokenOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<LineModuleTokenOptions>().Configure(configure);
        var builder = services.AddHttpClient(HttpClientName);
        services.TryAddSingleton(static provider =>
        {
            var httpClients = provider.GetRequiredService<IHttpClientFactory>();
            var clientOptions = provider.GetService<IOptions<LineClientOptions>>()?.Value;

            // A client per refresh: refreshes are minutes apart, and IHttpClientFactory rotates handlers between them.
            return new LineModuleTokenProvider(
                () => new ChannelAccessTokenClient(new LineClientPipeline(httpClients.CreateClient(HttpClientName), clientOptions)),
                provider.GetRequiredService<IOptions<LineModuleTokenOptions>>().Value,
                provider.GetService<TimeProvider>(),
                provider.GetService<ILogger<LineModuleTokenProvider>>());
        });
        services.Replace(ServiceDescriptor.Singleton<ILineAccessTokenProvider>(static provider => provider.GetRequiredService<LineModuleTokenProvider>()));
        return builder;
    }
}
