namespace ModuleGen.Line.Inbox;

/// <summary>Wakes <see cref="LineWebhookInboxWorker"/> so new events do not wait for the next poll.</summary>
public interface ILineWebhookInboxSignal
{
    /// <summary>Call after <see cref="ILineWebhookInbox.EnqueueAsync"/> stored new events. Cheap, never blocks.</summary>
    void NotifyEnqueued();
}
