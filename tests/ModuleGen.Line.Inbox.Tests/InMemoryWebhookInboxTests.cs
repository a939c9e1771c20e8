using System;
using ModuleGen.Line.AspNetCore.Inbox;

namespace ModuleGen.Line.Inbox.Tests;

public sealed class InMemoryWebhookInboxTests : WebhookInboxContractTests
{
    private protected override IWebhookInbox CreateInbox(TimeProvider clock) => new InMemoryWebhookInbox(clock);
}
