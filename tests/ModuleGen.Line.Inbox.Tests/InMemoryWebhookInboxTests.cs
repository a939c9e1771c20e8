using System;
using ModuleGen.Line.Inbox;

namespace ModuleGen.Line.Inbox.Tests;

public sealed class InMemoryWebhookInboxTests : WebhookInboxContractTests
{
    private protected override ILineWebhookInbox CreateInbox(TimeProvider clock) => new InMemoryLineWebhookInbox(clock);
}
