namespace ModuleGen.Line.AspNetCore.Inbox;

/// <summary>The lifecycle state of an event in <see cref="InMemoryWebhookInbox"/>.</summary>
internal enum InboxEventState
{
    Pending,
    Completed,
    DeadLettered,
}
