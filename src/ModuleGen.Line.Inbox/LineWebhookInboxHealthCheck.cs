using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ModuleGen.Line.Inbox;

/// <summary>
/// Reports whether the webhook inbox keeps up, from <see cref="ILineWebhookInbox.GetStatisticsAsync"/>: healthy normally;
/// degraded when dead letters, the age of the oldest unfinished event or the backlog exceed
/// <see cref="LineWebhookInboxHealthCheckOptions"/>; the registration's failure status (unhealthy by default) when the store
/// cannot be read. Register it with <c>AddHealthChecks().AddLineWebhookInbox()</c>.
/// </summary>
/// <remarks>
/// The result's data holds <c>pending</c>, <c>inFlight</c>, <c>completed</c>, <c>deadLettered</c> and <c>backlog</c>
/// (pending + in flight) as integers and, while an event is unfinished, <c>oldestPendingReceivedAt</c> and
/// <c>oldestPendingAgeSeconds</c>. Nothing about the events themselves, which may hold user data.
/// </remarks>
public sealed class LineWebhookInboxHealthCheck : IHealthCheck
{
    /// <summary>The name <c>AddLineWebhookInbox</c> registers the check under unless told otherwise.</summary>
    public const string DefaultName = "line-webhook-inbox";

    private readonly ILineWebhookInbox _inbox;
    private readonly LineWebhookInboxHealthCheckOptions _options;
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates a check of <paramref name="inbox"/>.</summary>
    /// <param name="inbox">The store.</param>
    /// <param name="options">The limits past which the inbox is degraded.</param>
    /// <param name="timeProvider">The clock; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    public LineWebhookInboxHealthCheck(
        ILineWebhookInbox inbox, LineWebhookInboxHealthCheckOptions options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(inbox);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();

        _inbox = inbox;
        _options = options;
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);

        LineInboxStatistics statistics;
        try
        {
            statistics = await _inbox.GetStatisticsAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception)
        {
            // A context built by hand (not by HealthCheckService) has no registration.
            var failureStatus = context.Registration?.FailureStatus ?? HealthStatus.Unhealthy;
            return new HealthCheckResult(failureStatus, "The webhook inbox store could not be read.", exception);
        }

        var backlog = statistics.Pending + statistics.InFlight;
        var data = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["pending"] = statistics.Pending,
            ["inFlight"] = statistics.InFlight,
            ["completed"] = statistics.Completed,
            ["deadLettered"] = statistics.DeadLettered,
            ["backlog"] = backlog,
        };

        var problems = new List<string>();
        if (statistics.DeadLettered > _options.MaxDeadLettered)
        {
            problems.Add($"dead-lettered events waiting for an operator: {statistics.DeadLettered} (limit {_options.MaxDeadLettered})");
        }

        if (statistics.OldestPendingReceivedAt is { } oldestReceivedAt)
        {
            var age = _timeProvider.GetUtcNow() - oldestReceivedAt;
            data["oldestPendingReceivedAt"] = oldestReceivedAt;
            data["oldestPendingAgeSeconds"] = age.TotalSeconds;
            if (age > _options.MaxOldestPendingAge)
            {
                problems.Add(
                    $"oldest unfinished event stored {WholeSeconds(age)} ago (limit {WholeSeconds(_options.MaxOldestPendingAge)})");
            }
        }

        if (backlog > _options.MaxBacklog)
        {
            problems.Add($"unfinished events: {backlog} (limit {_options.MaxBacklog})");
        }

        return problems.Count == 0
            ? HealthCheckResult.Healthy($"The webhook inbox keeps up; unfinished events: {backlog}.", data)
            : HealthCheckResult.Degraded($"The webhook inbox falls behind: {string.Join("; ", problems)}.", data: data);
    }

    /// <summary>Ages in a description read better without fractions of a second; the data keeps them.</summary>
    private static TimeSpan WholeSeconds(TimeSpan age) => TimeSpan.FromSeconds(Math.Floor(age.TotalSeconds));
}
