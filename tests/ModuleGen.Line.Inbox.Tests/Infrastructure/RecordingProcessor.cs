using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ModuleGen.Line.Inbox;

namespace ModuleGen.Line.Inbox.Tests.Infrastructure;

/// <summary>A processor that runs a scripted behaviour and records every call and every successful handling.</summary>
internal sealed class RecordingProcessor(Func<LineInboxEntry, CancellationToken, ValueTask> behaviour) : ILineInboxEventProcessor
{
    private readonly ConcurrentQueue<(string WebhookEventId, int Attempt)> _calls = new();
    private readonly ConcurrentQueue<(string WebhookEventId, int Attempt)> _handled = new();

    public IReadOnlyList<(string WebhookEventId, int Attempt)> Calls => _calls.ToList();

    public IReadOnlyList<(string WebhookEventId, int Attempt)> Handled => _handled.ToList();

    public static RecordingProcessor Succeeding() => new((_, _) => ValueTask.CompletedTask);

    public static RecordingProcessor AlwaysFailing() =>
        new((_, _) => throw new InvalidOperationException("The handler is broken."));

    public static RecordingProcessor FailingTimes(int failures) =>
        new((entry, _) => entry.Attempt <= failures
            ? throw new InvalidOperationException($"Transient failure {entry.Attempt}.")
            : ValueTask.CompletedTask);

    public async ValueTask ProcessAsync(LineInboxEntry entry, CancellationToken cancellationToken)
    {
        _calls.Enqueue((entry.Event.WebhookEventId, entry.Attempt));
        await behaviour(entry, cancellationToken);
        _handled.Enqueue((entry.Event.WebhookEventId, entry.Attempt));
    }
}
