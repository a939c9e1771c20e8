using System.Linq;
using System.Threading;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ModuleGen.Line.AspNetCore.Webhooks;

/// <summary>
/// What every webhook request needs, resolved once per host: the options and their channel secrets, the slots of
/// <see cref="LineWebhookOptions.MaxConcurrentRequests"/>, the logger and the instruments.
/// </summary>
internal sealed class LineWebhookEndpointServices
{
    public LineWebhookEndpointServices(
        IOptions<LineWebhookOptions> options, ILoggerFactory loggerFactory, LineWebhookRejectionLog rejections, LineWebhookMetrics metrics)
    {
        Options = options.Value;
        ChannelSecrets = Options.ChannelSecrets.ToArray();
        Slots = new SemaphoreSlim(Options.MaxConcurrentRequests, Options.MaxConcurrentRequests);
        Logger = loggerFactory.CreateLogger(LineWebhookEndpoint.LoggerCategory);
        Rejections = rejections;
        Metrics = metrics;
    }

    public LineWebhookOptions Options { get; }

    /// <summary>The channel secrets, copied once (the options are read once per host as well).</summary>
    public string[] ChannelSecrets { get; }

    public SemaphoreSlim Slots { get; }

    public ILogger Logger { get; }

    public LineWebhookRejectionLog Rejections { get; }

    public LineWebhookMetrics Metrics { get; }
}
