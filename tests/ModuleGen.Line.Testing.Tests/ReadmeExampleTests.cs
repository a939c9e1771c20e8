using System;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ModuleGen.Line.AspNetCore;
using ModuleGen.Line.AspNetCore.Webhooks;
using ModuleGen.Line.Models;
using ModuleGen.Line.Testing.Webhooks;
using ModuleGen.Line.Webhooks;
using Shouldly;
using Xunit;

namespace ModuleGen.Line.Testing.Tests;

/// <summary>The README's example, word for word: a module under test, attached to an OA, answers a signed webhook.</summary>
public sealed class ReadmeExampleTests
{
    [Fact]
    public async Task AnAttachedModuleRepliesToASignedWebhookThroughTheFakePlatform()
    {
        await using var platform = LineFakePlatform.Start();
        await using var module = await EchoModule.StartAsync(platform);
        platform.Options.WebhookUrl = module.WebhookUrl;

        var oa = platform.AttachBot();
        using var delivered = await platform.SendWebhookAsync(oa.BotId, LineWebhookEvents.TextMessage("Is the 7pm table free?"));

        delivered.StatusCode.ShouldBe(HttpStatusCode.OK);
        var reply = await EventuallyAsync(() => platform.Sent.Replies(oa.BotId).SingleOrDefault());
        reply.Messages.ShouldHaveSingleItem().ShouldBeOfType<TextMessage>().Text.ShouldBe("Is the 7pm table free?");
    }

    /// <summary>Polls until the module's background handler has replied: at most 200 tries, 25 ms apart.</summary>
    private static async Task<T> EventuallyAsync<T>(Func<T?> probe)
        where T : class
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            if (probe() is { } value)
            {
                return value;
            }

            await Task.Delay(25);
        }

        throw new TimeoutException("The module did not reply within 200 polls.");
    }

    /// <summary>The module under test: the README's echo module on Kestrel, its LINE hosts mapped to the fake.</summary>
    private sealed class EchoModule : IAsyncDisposable
    {
        private readonly WebApplication app;

        private EchoModule(WebApplication app) => this.app = app;

        public Uri WebhookUrl => new(new Uri(app.Urls.Single()), "/line/webhook");

        public static async Task<EchoModule> StartAsync(LineFakePlatform platform)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.Services.AddSingleton<ILineAccessTokenProvider>(new LineStaticAccessTokenProvider("module-channel-token"));
            builder.Services.AddLineModuleClients(options => platform.MapEndpoints(options.Endpoints))
                .AddHttpMessageHandler(platform.CreateFaultHandler);
            builder.Services
                .AddLineWebhooks(options => options.ChannelSecrets.Add(platform.Options.ChannelSecret))
                .UseInMemoryInbox()
                .AddHandler<MessageEvent, EchoHandler>()
                .AddHandler<Event, IgnoreOtherEvents>();
            var app = builder.Build();
            app.Urls.Add("http://127.0.0.1:0");
            app.MapLineWebhook("/line/webhook");
            await app.StartAsync();
            return new EchoModule(app);
        }

        public async ValueTask DisposeAsync()
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    private sealed class EchoHandler : ILineWebhookHandler<MessageEvent>
    {
        public async ValueTask HandleAsync(MessageEvent webhookEvent, LineTenantContext context, CancellationToken cancellationToken)
        {
            if (context.Reply is { } reply && webhookEvent.Message is TextMessageContent text)
            {
                await reply.ReplyAsync(new TextMessage { Text = text.Text });
            }
        }
    }

    private sealed class IgnoreOtherEvents : ILineWebhookHandler<Event>
    {
        public ValueTask HandleAsync(Event webhookEvent, LineTenantContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }
}
