using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using ModuleGen.Line.AspNetCore.Inbox;

namespace ModuleGen.Line.Inbox.Tests.Infrastructure;

/// <summary>
/// Passes every call to another inbox. It does not implement <see cref="IWebhookInbox.RenewLeaseAsync"/>, so on its
/// own it stands for a store written before lease renewal existed, which gets the interface's default (not renewed).
/// </summary>
internal class DelegatingWebhookInbox(IWebhookInbox inner) : IWebhookInbox
{
    protected IWebhookInbox Inner { get; } = inner;

    public virtual ValueTask<InboxEnqueueResult> EnqueueAsync(IReadOnlyList<InboxEvent> events, CancellationToken cancellationToken)
        => Inner.EnqueueAsync(events, cancellationToken);

    public virtual ValueTask<IReadOnlyList<InboxEntry>> LeaseAsync(int max, TimeSpan leaseDuration, CancellationToken cancellationToken)
        => Inner.LeaseAsync(max, leaseDuration, cancellationToken);

    public virtual ValueTask CompleteAsync(InboxEntry entry, CancellationToken cancellationToken)
        => Inner.CompleteAsync(entry, cancellationToken);

    public virtual ValueTask FailAsync(InboxEntry entry, string error, DateTimeOffset? retryAt, CancellationToken cancellationToken)
        => Inner.FailAsync(entry, error, retryAt, cancellationToken);

    public virtual ValueTask ReleaseAsync(InboxEntry entry, CancellationToken cancellationToken)
        => Inner.ReleaseAsync(entry, cancellationToken);

    public virtual ValueTask<IReadOnlyList<DeadLetter>> GetDeadLettersAsync(int max, CancellationToken cancellationToken)
        => Inner.GetDeadLettersAsync(max, cancellationToken);

    public virtual ValueTask<bool> RequeueDeadLetterAsync(string webhookEventId, CancellationToken cancellationToken)
        => Inner.RequeueDeadLetterAsync(webhookEventId, cancellationToken);

    public virtual ValueTask<int> PurgeCompletedAsync(DateTimeOffset olderThan, CancellationToken cancellationToken)
        => Inner.PurgeCompletedAsync(olderThan, cancellationToken);

    public virtual ValueTask<InboxStatistics> GetStatisticsAsync(CancellationToken cancellationToken)
        => Inner.GetStatisticsAsync(cancellationToken);
}
