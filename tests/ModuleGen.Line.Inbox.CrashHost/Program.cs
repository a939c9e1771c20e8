using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Text;
using System.Threading;
using ModuleGen.Line.Inbox;
using ModuleGen.Line.Inbox.Sqlite;

// Usage: ModuleGen.Line.Inbox.CrashHost <database path> <webhookEventId>
// Stores the event as the endpoint does before answering 200, leases it as the worker does when it starts handling,
// then dies by SIGKILL: no Dispose, no finally block, no completion, no release.
if (args.Length != 2)
{
    Console.Error.WriteLine("usage: ModuleGen.Line.Inbox.CrashHost <database path> <webhookEventId>");
    return 2;
}

var databasePath = args[0];
var webhookEventId = args[1];
var inbox = new SqliteLineWebhookInbox(new SqliteLineWebhookInboxOptions { DatabasePath = databasePath });
var eventJson = Encoding.UTF8.GetBytes(
    $$$"""{"type":"follow","mode":"active","timestamp":1751371200000,"webhookEventId":"{{{webhookEventId}}}","deliveryContext":{"isRedelivery":false}}""");
var inboxEvent = new LineInboxEvent("U0123456789abcdef0123456789abcdef", webhookEventId, "follow", 1751371200000, false, eventJson);

var enqueued = await inbox.EnqueueAsync([inboxEvent], CancellationToken.None);
Console.WriteLine($"stored {enqueued.StoredCount}");
var leased = await inbox.LeaseAsync(1, TimeSpan.FromMinutes(5), CancellationToken.None);
Console.WriteLine($"leased {leased.Count}");
Console.Out.Flush();

Process.GetCurrentProcess().Kill();
throw new UnreachableException("The process killed itself.");
