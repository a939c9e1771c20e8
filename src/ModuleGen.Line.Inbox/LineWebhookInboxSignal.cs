using System.Threading;
using System.Threading.Tasks;

namespace ModuleGen.Line.Inbox;

/// <summary>
/// The <see cref="ILineWebhookInboxSignal"/> that one <see cref="LineWebhookInboxWorker"/> waits on: an auto-reset event
/// that the worker re-arms before each lease, so a notification is never lost between a lease and the next wait.
/// </summary>
public sealed class LineWebhookInboxSignal : ILineWebhookInboxSignal
{
    private TaskCompletionSource _notified = CreateSource();

    /// <inheritdoc />
    public void NotifyEnqueued() => Volatile.Read(ref _notified).TrySetResult();

    /// <summary>Completes at the first notification since the last <see cref="Rearm"/>.</summary>
    internal Task WaitAsync() => Volatile.Read(ref _notified).Task;

    /// <summary>
    /// Forgets notifications seen so far. Called by the worker just before it leases, so anything they announced is
    /// picked up by that lease; a notification racing with this call may land on the old source, but its events were
    /// stored before this call and so before the lease.
    /// </summary>
    internal void Rearm()
    {
        if (Volatile.Read(ref _notified).Task.IsCompleted)
        {
            Volatile.Write(ref _notified, CreateSource());
        }
    }

    private static TaskCompletionSource CreateSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
