using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using ModuleGen.Line.AspNetCore.Inbox;

namespace ModuleGen.Line.Webhooks.Tests.Infrastructure;

/// <summary>A store whose writes fail, as a full disk or a locked database would; it never has anything to lease.</summary>
internal sealed class FailingWebhookInbox : IWebhookInbox
{
    public int EnqueueAttempts;

    public ValueTask<InboxEnqueueResult> EnqueueAsync(IReadOnlyList<InboxEvent> events, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref EnqueueAttempts);
        throw new InvalidOperationException("The store is unavailable.");
    }

    public ValueTask<IReadOnlyList<InboxEntry>> LeaseAsync(int max, TimeSpan leaseDuration, CancellationToken cancellationToken)
        => ValueTask.FromResult<IReadOnlyList<InboxEntry>>([]);

    public ValueTask CompleteAsync(InboxEntry entry, CancellationToken cancellationToken) => throw new NotSupportedException();

    public ValueTask FailAsync(InboxEntry entry, string error, DateTimeOffset? retryAt, CancellationToken cancellationToken)
        => throw new NotSupportedException();

    public ValueTask ReleaseAsync(InboxEntry entry, CancellationToken cancellationToken) => throw new NotSupportedException();

    public ValueTask<IReadOnlyList<DeadLetter>> GetDeadLettersAsync(int max, CancellationToken cancellationToken)
        => ValueTask.FromResult<IReadOnlyList<DeadLetter>>([]);

    public ValueTask<bool> RequeueDeadLetterAsync(string webhookEventId, CancellationToken cancellationToken)
        => ValueTask.FromResult(false);

    public ValueTask<int> PurgeCompletedAsync(DateTimeOffset olderThan, CancellationToken cancellationToken)
        => ValueTask.FromResult(0);

    public ValueTask<InboxStatistics> GetStatisticsAsync(CancellationToken cancellationToken)
        => ValueTask.FromResult(new InboxStatistics(0, 0, 0, 0, null));
}
