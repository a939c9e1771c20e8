namespace ModuleGen.Line.AspNetCore.Inbox;

/// <summary>Wakes <see cref="WebhookInboxWorker"/> so new events do not wait for the next poll.</summary>
public interface IWebhookInboxSignal
{
    /// <summary>Call after <see cref="IWebhookInbox.EnqueueAsync"/> stored new events. Cheap, never blocks.</summary>
    void NotifyEnqueued();
}
