using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace ModuleGen.Line.Inbox;

/// <summary>
/// Keeps the leases of one leased batch alive until each entry's outcome is about to be recorded, so a slow handler, or
/// an entry still waiting for its turn in the batch, is not leased again by another worker while this one is alive.
/// </summary>
/// <remarks>
/// Every third of the lease duration it renews each lease still held, one after another: a lease survives two missed
/// renewals. A renewal that throws is logged and tried again at the next tick; one that returns <see langword="false"/>
/// (lease lost, or a store that does not renew) is logged once and not tried again. Neither touches the handler.
/// </remarks>
internal sealed class LineLeaseRenewal : IAsyncDisposable
{
    private readonly ILineWebhookInbox _inbox;
    private readonly TimeSpan _leaseDuration;
    private readonly TimeSpan _interval;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, LineInboxEntry> _held = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();
    private readonly PeriodicTimer _timer;
    private readonly Task _renewing;

    private LineLeaseRenewal(
        ILineWebhookInbox inbox, IReadOnlyList<LineInboxEntry> entries, TimeSpan leaseDuration, TimeProvider timeProvider, ILogger logger)
    {
        _inbox = inbox;
        _leaseDuration = leaseDuration;
        _logger = logger;
        foreach (var entry in entries)
        {
            _held[entry.LeaseToken] = entry;
        }

        // PeriodicTimer takes whole milliseconds up to uint.MaxValue - 1; any lease duration must still work.
        _interval = TimeSpan.FromMilliseconds(Math.Clamp(Math.Floor(leaseDuration.TotalMilliseconds / 3), 1, uint.MaxValue - 1));
        _timer = new PeriodicTimer(_interval, timeProvider);
        _renewing = RenewWhileHeldAsync();
    }

    /// <summary>Starts renewing the leases of <paramref name="entries"/>, first after a third of the lease duration.</summary>
    public static LineLeaseRenewal Start(
        ILineWebhookInbox inbox, IReadOnlyList<LineInboxEntry> entries, TimeSpan leaseDuration, TimeProvider timeProvider, ILogger logger) =>
        new(inbox, entries, leaseDuration, timeProvider, logger);

    /// <summary>
    /// Stops renewing <paramref name="entry"/>'s lease: its handling is over and its outcome is about to be recorded.
    /// A renewal already under way may still finish; the store's lease check makes it harmless.
    /// </summary>
    public void Stop(LineInboxEntry entry) => _held.TryRemove(entry.LeaseToken, out _);

    /// <summary>Stops renewing every lease and waits for a renewal under way to finish.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _renewing.ConfigureAwait(false);
        _timer.Dispose();
        _stopping.Dispose();
    }

    private async Task RenewWhileHeldAsync()
    {
        try
        {
            while (await _timer.WaitForNextTickAsync(_stopping.Token).ConfigureAwait(false))
            {
                foreach (var entry in _held.Values)
                {
                    await RenewAsync(entry).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // Every outcome is recorded; nothing left to renew.
        }
    }

    private async ValueTask RenewAsync(LineInboxEntry entry)
    {
        bool renewed;
        try
        {
            renewed = await _inbox.RenewLeaseAsync(entry, _leaseDuration, _stopping.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            return;
        }
        catch (Exception exception)
        {
            // The lease may still last until the next tick; losing it costs a duplicate, never the event.
            LineWebhookInboxLog.LeaseRenewalFailed(_logger, exception, entry.Event.WebhookEventId, _interval);
            return;
        }

        // A lease stopped meanwhile was completed or failed by its holder: not worth a log line.
        if (!renewed && _held.TryRemove(entry.LeaseToken, out _))
        {
            LineWebhookInboxLog.LeaseNotRenewed(_logger, entry.Event.WebhookEventId);
        }
    }
}
