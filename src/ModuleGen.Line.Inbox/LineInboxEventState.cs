namespace ModuleGen.Line.Inbox;

/// <summary>The lifecycle state of an event in <see cref="InMemoryLineWebhookInbox"/>.</summary>
internal enum LineInboxEventState
{
    Pending,
    Completed,
    DeadLettered,
}
