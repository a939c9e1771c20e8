using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Threading;

namespace ModuleGen.Line.Inbox;

/// <summary>
/// The inbox worker's instruments, on the same meter as the webhook endpoint's (<see cref="MeterName"/>):
/// handler duration by outcome, dead letters by reason, and the backlog (pending and in-flight events) as last seen.
/// </summary>
internal sealed class LineWebhookInboxMetrics
{
    /// <summary>The meter's name: the webhook endpoint's too, so one subscription sees both.</summary>
    public const string MeterName = "ModuleGen.Line.AspNetCore";

    private readonly Histogram<double> _handlerDuration;
    private readonly Counter<long> _deadLetters;
    private int _backlog;

    public LineWebhookInboxMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _handlerDuration = meter.CreateHistogram<double>("modulegen.webhook.inbox.handler.duration", "s", "Time a webhook handler took for one event, by event type and outcome (completed, retry, dead_letter, released).");
        _deadLetters = meter.CreateCounter<long>("modulegen.webhook.inbox.dead_letters", "{event}", "Events dead-lettered, by reason (permanent, attempts, abandoned).");
        meter.CreateObservableGauge("modulegen.webhook.inbox.backlog", () => Volatile.Read(ref _backlog), "{event}", "Events pending or in flight when the worker last looked.");
    }

    public void Handled(string eventType, string outcome, long startedTimestamp)
        => _handlerDuration.Record(
            Stopwatch.GetElapsedTime(startedTimestamp).TotalSeconds,
            new KeyValuePair<string, object?>("event_type", eventType),
            new KeyValuePair<string, object?>("outcome", outcome));

    public void DeadLettered(string reason) => _deadLetters.Add(1, new KeyValuePair<string, object?>("reason", reason));

    public void Backlog(LineInboxStatistics statistics) => Volatile.Write(ref _backlog, statistics.Pending + statistics.InFlight);
}
