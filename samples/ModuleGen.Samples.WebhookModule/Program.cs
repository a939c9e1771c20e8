using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ModuleGen.Line;
using ModuleGen.Line.AspNetCore.Webhooks;
using ModuleGen.Line.Inbox.Sqlite;
using ModuleGen.Line.Models;
using ModuleGen.Line.Webhooks;

// A complete LINE module webhook: signed, size-bounded, durably queued before the 200, handled in the background.
WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(args);
IConfiguration line = builder.Configuration.GetSection("Line");

builder.Services.AddSingleton<ILineAccessTokenProvider>(new StaticAccessTokenProvider(line["ChannelAccessToken"]!));
builder.Services.AddLineModuleClients();
builder.Services.AddSqliteWebhookInbox(line["InboxPath"] ?? "webhook-inbox.db");
builder.Services
    .AddLineWebhooks(o => o.ChannelSecrets.Add(line["ChannelSecret"]!))
    .AddHandler<MessageEvent, EchoHandler>()
    .AddHandler<Event, IgnoreOtherEvents>();

WebApplication app = builder.Build();
app.MapLineWebhook("/line/webhook");
app.Run();

/// <summary>Echoes text messages back, when this module is the active channel of the chat.</summary>
internal sealed class EchoHandler : ILineWebhookHandler<MessageEvent>
{
    public async ValueTask HandleAsync(MessageEvent webhookEvent, LineTenantContext context, CancellationToken cancellationToken)
    {
        if (context.Reply is { } reply && webhookEvent.Message is TextMessageContent text)
        {
            await reply.ReplyAsync(new TextMessage { Text = text.Text });
        }
    }
}

/// <summary>Everything else, including event types newer than this build (UnknownEvent).</summary>
internal sealed class IgnoreOtherEvents : ILineWebhookHandler<Event>
{
    public ValueTask HandleAsync(Event webhookEvent, LineTenantContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
