using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using ModuleGen.Line.Inbox;

namespace ModuleGen.Line.Webhooks.Tests.Infrastructure;

/// <summary>A store whose writes fail, as a full disk or a locked database would; it never has anything to lease.</summary>
internal sealed class FailingWebhookInbox : ILineWebhookInbox
{
    public int EnqueueAttempts;

    public ValueTask<LineInboxEnqueueResult> EnqueueAsync(IReadOnlyList<LineInboxEvent> events, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref EnqueueAttempts);
        throw new InvalidOperationException("The store is unavailable.");
    }

    public ValueTask<IReadOnlyList<LineInboxEntry>> LeaseAsync(int max, TimeSpan leaseDuration, CancellationToken cancellationToken)
        => ValueTask.FromResult<IReadOnlyList<LineInboxEntry>>([]);

    public ValueTask CompleteAsync(LineInboxEntry entry, CancellationToken cancellationToken) => throw new NotSupportedException();

    public ValueTask FailAsync(LineInboxEntry entry, string error, DateTimeOffset? retryAt, CancellationToken cancellationToken)
        => throw new NotSupportedException();

    public ValueTask ReleaseAsync(LineInboxEntry entry, CancellationToken cancellationToken) => throw new NotSupportedException();

    public ValueTask<IReadOnlyList<LineDeadLetter>> GetDeadLettersAsync(int max, CancellationToken cancellationToken)
        => ValueTask.FromResult<IReadOnlyList<LineDeadLetter>>([]);

    public ValueTask<bool> RequeueDeadLetterAsync(string webhookEventId, CancellationToken cancellationToken)
        => ValueTask.FromResult(false);

    public ValueTask<int> PurgeCompletedAsync(DateTimeOffset olderThan, CancellationToken cancellationToken)
        => ValueTask.FromResult(0);

    public ValueTask<LineInboxStatistics> GetStatisticsAsync(CancellationToken cancellationToken)
        => ValueTask.FromResult(new LineInboxStatistics(0, 0, 0, 0, null));
}
