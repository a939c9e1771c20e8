using System;
using System.Net.Http;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ModuleGen.Line;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers ModuleGen's LINE clients.</summary>
public static class LineServiceCollectionExtensions
{
    /// <summary>
    /// Registers a <see cref="LineClientPipeline"/> on a typed <see cref="HttpClient"/>, plus the module, attach,
    /// Messaging API, insight and audience clients. Credentials come from the container: an <see cref="ILineAccessTokenProvider"/> (Bearer calls) and
    /// <see cref="LineChannelCredentials"/> (the attach call). Returns the HTTP client builder, so handlers can be
    /// added: <c>.AddHttpMessageHandler(() =&gt; new LineResilienceHandler())</c>.
    /// </summary>
    public static IHttpClientBuilder AddLineModuleClients(this IServiceCollection services, Action<LineClientOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<LineClientOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        var builder = services.AddHttpClient("ModuleGen.Line");
        builder.AddTypedClient(static (httpClient, provider) => new LineClientPipeline(
            httpClient,
            provider.GetRequiredService<IOptions<LineClientOptions>>().Value,
            provider.GetService<ILineAccessTokenProvider>(),
            provider.GetService<LineChannelCredentials>()));
        services.TryAddTransient(static provider => new LineModuleClient(provider.GetRequiredService<LineClientPipeline>()));
        services.TryAddTransient(static provider => new LineModuleAttachClient(provider.GetRequiredService<LineClientPipeline>()));
        services.TryAddTransient(static provider => new MessagingApiClient(provider.GetRequiredService<LineClientPipeline>()));
        services.TryAddTransient(static provider => new InsightClient(provider.GetRequiredService<LineClientPipeline>()));
        services.TryAddTransient(static provider => new ManageAudienceClient(provider.GetRequiredService<LineClientPipeline>()));
        return builder;
    }
}
