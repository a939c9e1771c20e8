using System;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ModuleGen.Line.AspNetCore;
using ModuleGen.Line.AspNetCore.Webhooks;
using ModuleGen.Line.Inbox;
using Shouldly;

namespace ModuleGen.Line.Webhooks.Tests.Infrastructure;

/// <summary>
/// A real Kestrel server on a loopback port running <c>MapLineWebhook("/webhook")</c>, with the inbox worker retrying
/// fast, and an <see cref="HttpClient"/> that posts to it the way LINE does.
/// </summary>
internal sealed class WebhookTestHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private WebhookTestHost(WebApplication app, Uri address)
    {
        _app = app;
        Client = new HttpClient { BaseAddress = address };
    }

    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    public HandlerRecorder Recorder => Services.GetRequiredService<HandlerRecorder>();

    public ILineWebhookInbox Inbox => Services.GetRequiredService<ILineWebhookInbox>();

    /// <param name="configureWebhooks">Adds handlers (and a store unless <paramref name="useInMemoryInbox"/>).</param>
    /// <param name="lineApi">Where the Messaging API client sends calls; a closed port by default.</param>
    /// <param name="maxBodyBytes">The endpoint's body limit.</param>
    /// <param name="useInMemoryInbox">Registers the in-memory store; false when the test registers its own.</param>
    public static async Task<WebhookTestHost> StartAsync(
        Action<LineWebhookBuilder> configureWebhooks,
        Uri? lineApi = null,
        int? maxBodyBytes = null,
        bool useInMemoryInbox = true,
        Action<IHttpClientBuilder>? configureLineClient = null,
        Action<LineWebhookInboxOptions>? configureInbox = null,
        Action<ILoggingBuilder>? configureLogging = null,
        Action<LineWebhookOptions>? configureEndpoint = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        configureLogging?.Invoke(builder.Logging);
        builder.Services.AddSingleton<HandlerRecorder>();
        builder.Services.AddSingleton<ILineAccessTokenProvider>(new LineStaticAccessTokenProvider("test-channel-access-token"));
        var lineClient = builder.Services.AddLineModuleClients(o => o.Endpoints.MapAll(lineApi ?? new Uri("http://127.0.0.1:9/")));
        configureLineClient?.Invoke(lineClient);

        var webhooks = builder.Services
            .AddLineWebhooks(o =>
            {
                o.ChannelSecrets.Add(Fixtures.Secret);
                if (maxBodyBytes is { } max)
                {
                    o.MaxBodyBytes = max;
                }

                configureEndpoint?.Invoke(o);
            })
            .ConfigureInbox(o =>
            {
                o.MaxAttempts = 2;
                o.RetryBaseDelay = TimeSpan.FromMilliseconds(10);
                o.RetryMaxDelay = TimeSpan.FromMilliseconds(20);
                o.PollInterval = TimeSpan.FromMilliseconds(25);
                configureInbox?.Invoke(o);
            });
        if (useInMemoryInbox)
        {
            webhooks.UseInMemoryInbox();
        }

        configureWebhooks(webhooks);

        var app = builder.Build();
        app.Urls.Add("http://127.0.0.1:0");
        app.MapLineWebhook("/webhook");
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new WebhookTestHost(app, new Uri(address));
    }

    /// <summary>Posts a body signed with the fixtures' secret.</summary>
    public Task<HttpResponseMessage> PostSignedAsync(byte[] body) => PostAsync(body, Fixtures.Sign(body));

    public Task<HttpResponseMessage> PostAsync(byte[] body, string? signature, string headerName = "x-line-signature")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/webhook") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        if (signature is not null)
        {
            request.Headers.TryAddWithoutValidation(headerName, signature).ShouldBeTrue();
        }

        return Client.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
