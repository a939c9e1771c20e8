using System;
using System.Threading;
using System.Threading.Tasks;
using ModuleGen.Line.Webhooks;

namespace ModuleGen.Line.AspNetCore.Webhooks;

/// <summary>Calls the handler registered for one event type, resolving it from the event's DI scope.</summary>
internal delegate ValueTask LineWebhookDispatch(
    IServiceProvider services, Event webhookEvent, LineTenantContext context, CancellationToken cancellationToken);
