using System;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ModuleGen.Line.AspNetCore.Webhooks;

/// <summary>
/// Logs rejected webhook requests without letting a flood of them flood the log: the first
/// <see cref="LineWebhookOptions.RejectionWarningsPerMinute"/> of each minute as warnings, the rest counted and summed
/// up in one warning when the next minute's first rejection arrives. Every rejection is counted in the metrics.
/// </summary>
internal sealed class LineWebhookRejectionLog
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly ILogger _logger;
    private readonly TimeProvider _timeProvider;
    private readonly LineWebhookMetrics _metrics;
    private readonly int _warningsPerWindow;
    private readonly object _gate = new();
    private DateTimeOffset _windowStart = DateTimeOffset.MinValue;
    private int _logged;
    private int _suppressed;

    public LineWebhookRejectionLog(
        ILoggerFactory loggerFactory, TimeProvider timeProvider, LineWebhookMetrics metrics, IOptions<LineWebhookOptions> options)
    {
        _logger = loggerFactory.CreateLogger(LineWebhookEndpoint.LoggerCategory);
        _timeProvider = timeProvider;
        _metrics = metrics;
        _warningsPerWindow = options.Value.RejectionWarningsPerMinute;
    }

    public void Rejected(int statusCode, string reason, string detail)
    {
        _metrics.Rejected(reason);
        int suppressedBefore;
        bool log;
        lock (_gate)
        {
            var now = _timeProvider.GetUtcNow();
            suppressedBefore = 0;
            if (now - _windowStart >= Window)
            {
                suppressedBefore = _suppressed;
                _windowStart = now;
                _logged = 0;
                _suppressed = 0;
            }

            log = _logged < _warningsPerWindow;
            if (log)
            {
                _logged++;
            }
            else
            {
                _suppressed++;
            }
        }

        if (suppressedBefore > 0)
        {
            LineWebhookLog.RejectionsSuppressed(_logger, suppressedBefore);
        }

        if (log)
        {
            LineWebhookLog.Rejected(_logger, statusCode, reason, detail);
        }
    }
}
