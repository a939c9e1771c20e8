using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ModuleGen.Line.Inbox;
using ModuleGen.Line.Inbox.Tests.Infrastructure;
using ModuleGen.Tests.Shared;
using Shouldly;
using Xunit;

namespace ModuleGen.Line.Inbox.Tests;

/// <summary>The inbox worker's metrics: backlog, handler duration by outcome, dead letters by reason.</summary>
public sealed class WebhookInboxMetricsTests
{
    [Fact]
    public async Task TheWorkerReportsItsBacklogHandlerDurationsAndDeadLetters()
    {
        var clock = new ManualTimeProvider();
        var inbox = new InMemoryLineWebhookInbox(clock);
        using var meters = new TestMeterFactory();
        var measurements = new ConcurrentQueue<(string Instrument, double Value, string? Outcome)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Scope == meters)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => measurements.Enqueue((instrument.Name, value, Outcome(tags))));
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => measurements.Enqueue((instrument.Name, value, Outcome(tags))));
        listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) => measurements.Enqueue((instrument.Name, value, Outcome(tags))));
        listener.Start();
        var worker = new LineWebhookInboxWorker(
            inbox, RecordingProcessor.AlwaysFailing(), new LineWebhookInboxSignal(), Options.Create(new LineWebhookInboxOptions { MaxAttempts = 1 }),
            NullLogger<LineWebhookInboxWorker>.Instance, clock, meters);
        await inbox.EnqueueAsync([TestEvents.Message(TestEvents.Id(1)), TestEvents.Message(TestEvents.Id(2))], CancellationToken.None);

        await worker.ProcessDueEventsAsync(CancellationToken.None);
        listener.RecordObservableInstruments();

        measurements.Where(m => m.Instrument == "modulegen.webhook.inbox.handler.duration").Select(m => m.Outcome).ShouldBe(["dead_letter", "dead_letter"]);
        measurements.Where(m => m.Instrument == "modulegen.webhook.inbox.dead_letters").Sum(m => m.Value).ShouldBe(2);
        measurements.Where(m => m.Instrument == "modulegen.webhook.inbox.dead_letters").Select(m => m.Outcome).Distinct().ShouldBe(["attempts"]);
        measurements.Where(m => m.Instrument == "modulegen.webhook.inbox.backlog").Select(m => m.Value).ShouldBe([2]);
    }

    private static string? Outcome(System.ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        foreach (var tag in tags)
        {
            if (tag.Key is "outcome" or "reason")
            {
                return tag.Value as string;
            }
        }

        return null;
    }

    private sealed class TestMeterFactory : IMeterFactory
    {
        private readonly List<Meter> _meters = new();

        public Meter Create(MeterOptions options)
        {
            var meter = new Meter(options.Name, options.Version, options.Tags, scope: this);
            _meters.Add(meter);
            return meter;
        }

        public void Dispose() => _meters.ForEach(m => m.Dispose());
    }
}
