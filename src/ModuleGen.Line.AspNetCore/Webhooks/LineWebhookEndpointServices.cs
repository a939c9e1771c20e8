using System.Threading;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ModuleGen.Line.AspNetCore.Webhooks;

/// <summary>
/// What every webhook request needs, resolved once per host: the options, the slots of
/// <see cref="LineWebhookOptions.MaxConcurrentRequests"/>, the logger and the instruments.
/// </summary>
internal sealed class LineWebhookEndpointServices
{
    public LineWebhookEndpointServices(
        IOptions<LineWebhookOptions> options, ILoggerFactory loggerFactory, LineWebhookRejectionLog rejections, LineWebhookMetrics metrics)
    {
        Options = options.Value;
        Slots = new SemaphoreSlim(Options.MaxConcurrentRequests, Options.MaxConcurrentRequests);
        Logger = loggerFactory.CreateLogger(LineWebhookEndpoint.LoggerCategory);
        Rejections = rejections;
        Metrics = metrics;
    }

    public LineWebhookOptions Options { get; }

    public SemaphoreSlim Slots { get; }

    public ILogger Logger { get; }

    public LineWebhookRejectionLog Rejections { get; }

    public LineWebhookMetrics Metrics { get; }
}
