using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using ModuleGen.Line.Inbox;

namespace ModuleGen.Line.Inbox.Tests.Infrastructure;

/// <summary>
/// Passes every call to another inbox. It does not implement <see cref="ILineWebhookInbox.RenewLeaseAsync"/>, so on its
/// own it stands for a store written before lease renewal existed, which gets the interface's default (not renewed).
/// </summary>
internal class DelegatingWebhookInbox(ILineWebhookInbox inner) : ILineWebhookInbox
{
    protected ILineWebhookInbox Inner { get; } = inner;

    public virtual ValueTask<LineInboxEnqueueResult> EnqueueAsync(IReadOnlyList<LineInboxEvent> events, CancellationToken cancellationToken)
        => Inner.EnqueueAsync(events, cancellationToken);

    public virtual ValueTask<IReadOnlyList<LineInboxEntry>> LeaseAsync(int max, TimeSpan leaseDuration, CancellationToken cancellationToken)
        => Inner.LeaseAsync(max, leaseDuration, cancellationToken);

    public virtual ValueTask CompleteAsync(LineInboxEntry entry, CancellationToken cancellationToken)
        => Inner.CompleteAsync(entry, cancellationToken);

    public virtual ValueTask FailAsync(LineInboxEntry entry, string error, DateTimeOffset? retryAt, CancellationToken cancellationToken)
        => Inner.FailAsync(entry, error, retryAt, cancellationToken);

    public virtual ValueTask ReleaseAsync(LineInboxEntry entry, CancellationToken cancellationToken)
        => Inner.ReleaseAsync(entry, cancellationToken);

    public virtual ValueTask<IReadOnlyList<LineDeadLetter>> GetDeadLettersAsync(int max, CancellationToken cancellationToken)
        => Inner.GetDeadLettersAsync(max, cancellationToken);

    public virtual ValueTask<bool> RequeueDeadLetterAsync(string webhookEventId, CancellationToken cancellationToken)
        => Inner.RequeueDeadLetterAsync(webhookEventId, cancellationToken);

    public virtual ValueTask<int> PurgeCompletedAsync(DateTimeOffset olderThan, CancellationToken cancellationToken)
        => Inner.PurgeCompletedAsync(olderThan, cancellationToken);

    public virtual ValueTask<LineInboxStatistics> GetStatisticsAsync(CancellationToken cancellationToken)
        => Inner.GetStatisticsAsync(cancellationToken);
}
