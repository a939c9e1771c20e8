using System;

namespace ModuleGen.Line.Inbox.PostgreSql;

/// <summary>Where and how the PostgreSQL stores keep their tables.</summary>
public sealed class PostgreSqlLineStoreOptions
{
    /// <summary>The Npgsql connection string. Required.</summary>
    public string ConnectionString { get; set; } = string.Empty;

    /// <summary>The schema that holds the tables; created at start when missing. Default <c>modulegen</c>.</summary>
    public string Schema { get; set; } = "modulegen";

    /// <summary>
    /// Handle each OA's events one at a time in event-time order, while different OAs run in parallel. Off by default:
    /// events are then leased oldest-due first across all OAs, several per OA at once. On, a lease takes the head event
    /// of up to its batch size OAs under a per-OA lease, and an OA whose head event waits for a retry waits with it.
    /// </summary>
    public bool OrderPerDestination { get; set; }

    internal void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ConnectionString, nameof(ConnectionString));
        ArgumentException.ThrowIfNullOrWhiteSpace(Schema, nameof(Schema));
        foreach (var c in Schema)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                throw new ArgumentException("The schema name may hold only ASCII letters, digits and '_'.", nameof(Schema));
            }
        }
    }
}
