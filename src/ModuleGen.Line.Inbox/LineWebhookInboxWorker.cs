using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ModuleGen.Line.Inbox;

/// <summary>
/// Drains an <see cref="ILineWebhookInbox"/>: leases due events, hands each to the <see cref="ILineInboxEventProcessor"/>,
/// completes it, or records the failure with a backoff until <see cref="LineWebhookInboxOptions.MaxAttempts"/>, after which
/// the event is dead-lettered. Logs event IDs and types only, never event bodies.
/// </summary>
/// <remarks>
/// While a batch is being handled, the worker renews the lease of every entry whose outcome is not yet recorded every
/// third of <see cref="LineWebhookInboxOptions.LeaseDuration"/> (<see cref="ILineWebhookInbox.RenewLeaseAsync"/>), so a handler
/// that outlives the lease is not handed to another worker too. A renewal that fails is logged and retried at the next
/// tick; one the store refuses is logged once and not retried. Neither affects the handler.
/// </remarks>
public sealed class LineWebhookInboxWorker : BackgroundService
{
    /// <summary>Exception text stored with a failure is cut to this length; the log has the full exception.</summary>
    private const int MaxStoredErrorLength = 4000;

    /// <summary>Purging is cheap but pointless more often: retention is measured in days.</summary>
    private static readonly TimeSpan PurgeInterval = TimeSpan.FromHours(1);

    /// <summary>How often the backlog gauge is refreshed from the store.</summary>
    private static readonly TimeSpan BacklogInterval = TimeSpan.FromSeconds(5);

    private readonly ILineWebhookInbox _inbox;
    private readonly ILineInboxEventProcessor _processor;
    private readonly LineWebhookInboxSignal _signal;
    private readonly LineWebhookInboxOptions _options;
    private readonly ILogger<LineWebhookInboxWorker> _logger;
    private readonly TimeProvider _timeProvider;
    private readonly LineWebhookInboxMetrics? _metrics;
    private DateTimeOffset _backlogSeenAt = DateTimeOffset.MinValue;

    /// <summary>Creates a worker.</summary>
    public LineWebhookInboxWorker(
        ILineWebhookInbox inbox,
        ILineInboxEventProcessor processor,
        LineWebhookInboxSignal signal,
        IOptions<LineWebhookInboxOptions> options,
        ILogger<LineWebhookInboxWorker> logger,
        TimeProvider timeProvider,
        IMeterFactory? meterFactory = null)
    {
        ArgumentNullException.ThrowIfNull(inbox);
        ArgumentNullException.ThrowIfNull(processor);
        ArgumentNullException.ThrowIfNull(signal);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentNullException.ThrowIfNull(timeProvider);
        options.Value.Validate();

        _inbox = inbox;
        _processor = processor;
        _signal = signal;
        _options = options.Value;
        _logger = logger;
        _timeProvider = timeProvider;
        _metrics = meterFactory is null ? null : new LineWebhookInboxMetrics(meterFactory);
    }

    /// <summary>
    /// Leases one batch of due events and handles it. The background loop calls this; a host without a background
    /// service (a timer-triggered function, a test) can call it directly.
    /// </summary>
    /// <returns>How many events were leased.</returns>
    public async Task<int> ProcessDueEventsAsync(CancellationToken cancellationToken)
    {
        await ObserveBacklogAsync(cancellationToken).ConfigureAwait(false);
        var entries = await _inbox
            .LeaseAsync(_options.BatchSize, _options.LeaseDuration, cancellationToken)
            .ConfigureAwait(false);
        if (entries.Count == 0)
        {
            return 0;
        }

        // Renewal ignores the loop's token: a handler that does not stop at shutdown is still working on its event.
        var renewal = LineLeaseRenewal.Start(_inbox, entries, _options.LeaseDuration, _timeProvider, _logger);
        await using (renewal.ConfigureAwait(false))
        {
            // The body ignores the loop's token on purpose: every leased entry must reach ProcessEntryAsync, which
            // releases the ones that shutdown prevents from starting instead of leaving them leased.
            if (_options.MaxDegreeOfParallelism == 1)
            {
                // The default: one after another, without the parallel loop's per-batch machinery.
                for (var i = 0; i < entries.Count; i++)
                {
                    await ProcessEntryAsync(entries[i], renewal, cancellationToken).ConfigureAwait(false);
                }
            }
            else
            {
                await Parallel.ForEachAsync(
                        entries,
                        new ParallelOptions { MaxDegreeOfParallelism = _options.MaxDegreeOfParallelism },
                        (entry, _) => ProcessEntryAsync(entry, renewal, cancellationToken))
                    .ConfigureAwait(false);
            }
        }

        return entries.Count;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var nextPurgeAt = _timeProvider.GetUtcNow();
        while (!stoppingToken.IsCancellationRequested)
        {
            if (_timeProvider.GetUtcNow() >= nextPurgeAt)
            {
                await PurgeCompletedAsync(stoppingToken).ConfigureAwait(false);
                nextPurgeAt = _timeProvider.GetUtcNow() + PurgeInterval;
            }

            _signal.Rearm();
            var leased = 0;
            try
            {
                leased = await ProcessDueEventsAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                // A failing store must not stop the host: events stay stored and are leased once it recovers.
                LineWebhookInboxLog.LeaseFailed(_logger, exception, _options.PollInterval);
            }

            if (leased < _options.BatchSize)
            {
                await WaitForWorkAsync(stoppingToken).ConfigureAwait(false);
            }
        }
    }

    private async ValueTask ProcessEntryAsync(LineInboxEntry entry, LineLeaseRenewal renewal, CancellationToken cancellationToken)
    {
        var inboxEvent = entry.Event;
        if (cancellationToken.IsCancellationRequested)
        {
            await ReleaseAsync(entry, renewal).ConfigureAwait(false);
            return;
        }

        if (entry.Attempt > _options.MaxAttempts)
        {
            // Only leases that expired unfinished get an event here: it probably kills the process when handled.
            LineWebhookInboxLog.EventAbandoned(_logger, inboxEvent.WebhookEventId, inboxEvent.EventType, entry.Attempt - 1);
            _metrics?.DeadLettered("abandoned");
            var error = $"Dead-lettered without another attempt: {entry.Attempt - 1} leases expired unfinished "
                + $"(the process may have died while handling it). Previous error: {entry.LastError ?? "none"}";
            await RecordOutcomeAsync(
                    entry, renewal, (inbox, e) => inbox.FailAsync(e, Truncate(error), null, CancellationToken.None))
                .ConfigureAwait(false);
            return;
        }

        var started = Stopwatch.GetTimestamp();
        try
        {
            await _processor.ProcessAsync(entry, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            _metrics?.Handled(inboxEvent.EventType, "released", started);
            LineWebhookInboxLog.EventReleased(_logger, inboxEvent.WebhookEventId, inboxEvent.EventType);
            await ReleaseAsync(entry, renewal).ConfigureAwait(false);
            return;
        }
        catch (Exception exception)
        {
            await FailAsync(entry, renewal, exception, started).ConfigureAwait(false);
            return;
        }

        _metrics?.Handled(inboxEvent.EventType, "completed", started);

        LineWebhookInboxLog.EventHandled(
            _logger, inboxEvent.WebhookEventId, inboxEvent.EventType, inboxEvent.Destination, entry.Attempt);
        await RecordOutcomeAsync(entry, renewal, (inbox, e) => inbox.CompleteAsync(e, CancellationToken.None))
            .ConfigureAwait(false);
    }

    private ValueTask FailAsync(LineInboxEntry entry, LineLeaseRenewal renewal, Exception exception, long started)
    {
        var inboxEvent = entry.Event;
        var error = Truncate(exception.ToString());
        if (_processor.GetPermanentFailureReason(exception) is { } reason)
        {
            LineWebhookInboxLog.EventFailedPermanently(_logger, exception, inboxEvent.WebhookEventId, inboxEvent.EventType, entry.Attempt, reason);
            _metrics?.Handled(inboxEvent.EventType, "dead_letter", started);
            _metrics?.DeadLettered("permanent");
            return RecordOutcomeAsync(
                entry, renewal, (inbox, e) => inbox.FailAsync(e, Truncate("Permanent: " + reason + Environment.NewLine + error), null, CancellationToken.None));
        }

        if (entry.Attempt >= _options.MaxAttempts)
        {
            LineWebhookInboxLog.EventDeadLettered(
                _logger, exception, inboxEvent.WebhookEventId, inboxEvent.EventType, entry.Attempt, _options.MaxAttempts);
            _metrics?.Handled(inboxEvent.EventType, "dead_letter", started);
            _metrics?.DeadLettered("attempts");
            return RecordOutcomeAsync(entry, renewal, (inbox, e) => inbox.FailAsync(e, error, null, CancellationToken.None));
        }

        _metrics?.Handled(inboxEvent.EventType, "retry", started);
        var delay = LineRetryBackoff.ComputeDelay(entry.Attempt, _options, Random.Shared.NextDouble());
        var retryAt = _timeProvider.GetUtcNow() + delay;
        // One line per retried attempt (LINE unreachable must not flood the log with stack traces); the stored error and
        // the dead-letter log keep the whole exception.
        LineWebhookInboxLog.EventFailed(
            _logger, inboxEvent.WebhookEventId, inboxEvent.EventType, entry.Attempt, _options.MaxAttempts, OneLine(exception), retryAt);
        return RecordOutcomeAsync(
            entry, renewal, (inbox, e) => inbox.FailAsync(e, error, retryAt, CancellationToken.None));
    }

    /// <summary>Refreshes the backlog gauge at most every few seconds: the count is a store query.</summary>
    private async ValueTask ObserveBacklogAsync(CancellationToken cancellationToken)
    {
        var now = _timeProvider.GetUtcNow();
        if (_metrics is null || now - _backlogSeenAt < BacklogInterval)
        {
            return;
        }

        _backlogSeenAt = now;
        try
        {
            _metrics.Backlog(await _inbox.GetStatisticsAsync(cancellationToken).ConfigureAwait(false));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The gauge keeps its last value; the lease that follows reports a failing store (and the health check does).
        }
    }

    private ValueTask ReleaseAsync(LineInboxEntry entry, LineLeaseRenewal renewal) =>
        RecordOutcomeAsync(entry, renewal, (inbox, e) => inbox.ReleaseAsync(e, CancellationToken.None));

    /// <summary>
    /// Stops renewing the entry's lease and writes its outcome. Runs without the shutdown token, so finished work is
    /// recorded even while stopping; if the store fails, the lease expires and the event is attempted again, which
    /// at-least-once allows.
    /// </summary>
    private async ValueTask RecordOutcomeAsync(
        LineInboxEntry entry, LineLeaseRenewal renewal, Func<ILineWebhookInbox, LineInboxEntry, ValueTask> record)
    {
        renewal.Stop(entry);
        try
        {
            await record(_inbox, entry).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            LineWebhookInboxLog.OutcomeNotRecorded(_logger, exception, entry.Event.WebhookEventId, entry.LeasedUntil);
        }
    }

    private async ValueTask PurgeCompletedAsync(CancellationToken cancellationToken)
    {
        var now = _timeProvider.GetUtcNow();
        var cutoff = now - _options.CompletedRetention;
        try
        {
            var purged = await _inbox.PurgeCompletedAsync(cutoff, cancellationToken).ConfigureAwait(false);
            if (purged > 0)
            {
                LineWebhookInboxLog.Purged(_logger, purged, cutoff);
            }

            if (_options.DeadLetterRetention is { } deadLetterRetention)
            {
                var deadLetterCutoff = now - deadLetterRetention;
                var deadLettersPurged = await _inbox.PurgeDeadLettersAsync(deadLetterCutoff, cancellationToken).ConfigureAwait(false);
                if (deadLettersPurged > 0)
                {
                    LineWebhookInboxLog.DeadLettersPurged(_logger, deadLettersPurged, deadLetterCutoff);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping; the next start purges.
        }
        catch (Exception exception)
        {
            LineWebhookInboxLog.PurgeFailed(_logger, exception);
        }
    }

    private async Task WaitForWorkAsync(CancellationToken stoppingToken)
    {
        using var pollCancellation = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var poll = Task.Delay(_options.PollInterval, _timeProvider, pollCancellation.Token);
        await Task.WhenAny(_signal.WaitAsync(), poll).ConfigureAwait(false);
        await pollCancellation.CancelAsync().ConfigureAwait(false);
    }

    /// <summary>The exception's type and message on one line, innermost cause included (for a transport failure, the reason).</summary>
    private static string OneLine(Exception exception)
    {
        var text = exception.GetType().Name + ": " + exception.Message;
        if (exception.InnerException is { } inner && !exception.Message.Contains(inner.Message, StringComparison.Ordinal))
        {
            text += " <- " + inner.GetType().Name + ": " + inner.Message;
        }

        return text.ReplaceLineEndings(" ");
    }

    private static string Truncate(string error) =>
        error.Length <= MaxStoredErrorLength ? error : error[..MaxStoredErrorLength];
}
