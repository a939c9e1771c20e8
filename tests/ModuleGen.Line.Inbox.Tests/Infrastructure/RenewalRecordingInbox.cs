using System;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using ModuleGen.Line.Inbox;

namespace ModuleGen.Line.Inbox.Tests.Infrastructure;

/// <summary>What one <see cref="ILineWebhookInbox.RenewLeaseAsync"/> call came to.</summary>
internal enum RenewalOutcome
{
    Renewed,
    NotRenewed,
    Threw,
}

/// <summary>
/// An inbox whose <see cref="ILineWebhookInbox.RenewLeaseAsync"/> runs a scripted behaviour (by default the inner store's
/// own) and lets a test wait for each call to finish, so a test can advance a fake clock one renewal at a time.
/// </summary>
internal sealed class RenewalRecordingInbox(ILineWebhookInbox inner, Func<LineInboxEntry, ValueTask<bool>>? renew = null)
    : DelegatingWebhookInbox(inner), ILineWebhookInbox
{
    private readonly Channel<RenewalOutcome> _outcomes = Channel.CreateUnbounded<RenewalOutcome>();
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    /// <summary>Completes when the next renewal call (in call order) has finished, with what it came to.</summary>
    public Task<RenewalOutcome> NextRenewalAsync() => _outcomes.Reader.ReadAsync().AsTask();

    public async ValueTask<bool> RenewLeaseAsync(LineInboxEntry entry, TimeSpan leaseDuration, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        var outcome = RenewalOutcome.Threw;
        try
        {
            var renewed = renew is null
                ? await Inner.RenewLeaseAsync(entry, leaseDuration, cancellationToken)
                : await renew(entry);
            outcome = renewed ? RenewalOutcome.Renewed : RenewalOutcome.NotRenewed;
            return renewed;
        }
        finally
        {
            _outcomes.Writer.TryWrite(outcome);
        }
    }
}
