using System;

namespace ModuleGen.Line.Inbox.Sqlite;

/// <summary>Where and how <see cref="SqliteLineWebhookInbox"/> keeps its file.</summary>
public sealed class SqliteLineWebhookInboxOptions
{
    /// <summary>The database file; created with its schema on first use. Required.</summary>
    public string DatabasePath { get; set; } = string.Empty;

    /// <summary>
    /// How long a statement waits for another process holding the file's write lock before failing. Default 30 s.
    /// </summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
