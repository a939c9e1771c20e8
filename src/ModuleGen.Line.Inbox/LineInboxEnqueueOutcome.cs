namespace ModuleGen.Line.Inbox;

/// <summary>What <see cref="ILineWebhookInbox.EnqueueAsync"/> did with one event of the batch.</summary>
/// <param name="WebhookEventId">The event's <c>webhookEventId</c>.</param>
/// <param name="IsDuplicate">
/// <see langword="true"/> when an event with this ID was already in the inbox (pending, completed within the
/// retention period, or dead-lettered) or earlier in the same batch, so nothing was stored.
/// </param>
public readonly record struct LineInboxEnqueueOutcome(string WebhookEventId, bool IsDuplicate);
