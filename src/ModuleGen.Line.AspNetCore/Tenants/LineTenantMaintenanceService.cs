using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ModuleGen.Line.Inbox;
using ModuleGen.Line.Tenants;

namespace ModuleGen.Line.AspNetCore.Tenants;

/// <summary>
/// Keeps the tenant registry honest in the background: reconciles it with <c>GET /v2/bot/list</c> on a schedule
/// (logging the drift), deletes the events and registry entry of OAs detached longer than
/// <see cref="LineTenantMaintenanceOptions.DetachedRetention"/>, and drops expired attach attempts.
/// </summary>
/// <remarks>Every instance runs it; each step is idempotent, so several instances at once only repeat work.</remarks>
public sealed class LineTenantMaintenanceService : BackgroundService
{
    private readonly IServiceProvider _services;
    private readonly ILineTenantRegistry _registry;
    private readonly LineTenantMaintenanceOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<LineTenantMaintenanceService> _logger;

    /// <summary>Creates the service.</summary>
    public LineTenantMaintenanceService(
        IServiceProvider services,
        ILineTenantRegistry registry,
        IOptions<LineTenantMaintenanceOptions> options,
        TimeProvider timeProvider,
        ILogger<LineTenantMaintenanceService> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Value.Validate();
        _services = services;
        _registry = registry;
        _options = options.Value;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    /// <summary>Deletes what belongs to OAs detached longer than the retention, and expired attach attempts.</summary>
    /// <returns>How many OAs were deleted.</returns>
    public async Task<int> PurgeAsync(CancellationToken cancellationToken)
    {
        var now = _timeProvider.GetUtcNow();
        var cutoff = now - _options.DetachedRetention;
        var inbox = _services.GetService<ILineWebhookInbox>();
        var removed = 0;
        foreach (var tenant in await _registry.ListAsync(cancellationToken).ConfigureAwait(false))
        {
            if (tenant is not { Attachment: LineTenantAttachment.Detached, DetachedAt: { } detachedAt } || detachedAt >= cutoff)
            {
                continue;
            }

            // Events first: if this stops half-way, the registry entry is still there to find them again next time.
            var events = inbox is null ? 0 : await inbox.PurgeDestinationAsync(tenant.BotId, cancellationToken).ConfigureAwait(false);
            if (await _registry.RemoveDetachedAsync(tenant.BotId, cutoff, cancellationToken).ConfigureAwait(false))
            {
                removed++;
                LineTenantLog.Purged(_logger, tenant.BotId, detachedAt, events);
            }
        }

        if (_services.GetService<ILineAttachStateStore>() is { } attaches)
        {
            await attaches.PurgeExpiredAttachesAsync(now, cancellationToken).ConfigureAwait(false);
        }

        return removed;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var nextReconcile = _timeProvider.GetUtcNow();
        var nextPurge = nextReconcile;
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = _timeProvider.GetUtcNow();
            if (_options.ReconcileInterval is { } reconcileInterval && now >= nextReconcile)
            {
                await RunStepAsync("reconcile", ReconcileAsync, stoppingToken).ConfigureAwait(false);
                nextReconcile = now + reconcileInterval;
            }

            if (now >= nextPurge)
            {
                await RunStepAsync("purge", PurgeAsync, stoppingToken).ConfigureAwait(false);
                nextPurge = now + _options.PurgeInterval;
            }

            var wakeAt = _options.ReconcileInterval is null || nextPurge < nextReconcile ? nextPurge : nextReconcile;
            var wait = wakeAt - _timeProvider.GetUtcNow();
            try
            {
                await Task.Delay(wait > TimeSpan.Zero ? wait : TimeSpan.Zero, _timeProvider, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private async Task<int> ReconcileAsync(CancellationToken cancellationToken)
    {
        var report = await _services.GetRequiredService<LineTenantReconciler>()
            .ReconcileAsync(cancellationToken).ConfigureAwait(false);
        if (report.HasDrift)
        {
            LineTenantLog.Drift(_logger, report.ListedCount, report.NewlyAttached.Count, string.Join(' ', report.NewlyAttached),
                report.NoLongerListed.Count, string.Join(' ', report.NoLongerListed));
        }

        return report.ListedCount;
    }

    private async Task RunStepAsync(string step, Func<CancellationToken, Task<int>> run, CancellationToken stoppingToken)
    {
        try
        {
            await run(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
        catch (Exception exception)
        {
            // LINE or the store may be down: the next interval tries again, the webhook keeps working meanwhile. A call LINE
            // did not answer is one line (no stack trace per interval while offline); anything else keeps its exception.
            if (exception is LineApiException { Status: 0 } unreachable)
            {
                LineTenantLog.StepFailedUnreachable(_logger, step, unreachable.Message);
            }
            else
            {
                LineTenantLog.StepFailed(_logger, exception, step);
            }
        }
    }
}
