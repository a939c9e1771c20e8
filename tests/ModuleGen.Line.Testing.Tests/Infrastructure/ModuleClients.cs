using System;
using System.Net.Http;
using Microsoft.Extensions.DependencyInjection;
using ModuleGen.Line.Models;

namespace ModuleGen.Line.Testing.Tests.Infrastructure;

/// <summary>A module's clients pointed at a fake platform the way a module points them at LINE: the endpoint map.</summary>
internal sealed class ModuleClients : IDisposable
{
    public const string Token = "module-channel-token";

    private readonly HttpClient http;

    /// <param name="platform">The fake.</param>
    /// <param name="retries">Puts LINE's resilience handler (fast retries) in front of the fake's fault handler.</param>
    public ModuleClients(LineFakePlatform platform, bool retries = false)
    {
        http = retries ? WithResilience(platform) : platform.CreateHttpClient();
        var options = new LineClientOptions();
        platform.MapEndpoints(options.Endpoints);
        Pipeline = new LineClientPipeline(
            http,
            options,
            new LineStaticAccessTokenProvider(Token),
            new LineChannelCredentials(platform.Options.ChannelId, platform.Options.ChannelSecret));
        Module = new LineModuleClient(Pipeline);
        Attach = new LineModuleAttachClient(Pipeline);
        Messaging = new MessagingApiClient(Pipeline);
    }

    public LineClientPipeline Pipeline { get; }

    /// <summary>LINE's resilience pipeline (fast retries) in front of the fake, as AddLineResilience builds it.</summary>
    private static HttpClient WithResilience(LineFakePlatform platform)
    {
        var services = new ServiceCollection();
        services.AddHttpClient("fake-line")
            .ConfigurePrimaryHttpMessageHandler(platform.CreateHandler)
            .AddLineResilience();
        services.Configure<LineResilienceOptions>("fake-line", o =>
        {
            o.RetryDelay = TimeSpan.FromMilliseconds(1);
            o.MaxRetryDelay = TimeSpan.FromMilliseconds(5);
        });
        return services.BuildServiceProvider().GetRequiredService<IHttpClientFactory>().CreateClient("fake-line");
    }

    public LineModuleClient Module { get; }

    public LineModuleAttachClient Attach { get; }

    public MessagingApiClient Messaging { get; }

    public static PushMessageRequest Push(string to, string text) => new()
    {
        To = to,
        Messages = [new TextMessage { Text = text }],
    };

    public void Dispose() => http.Dispose();
}
