using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;
using ModuleGen.Line.Inbox;
using static ModuleGen.Line.Inbox.Sqlite.SqliteStoreSchema;

namespace ModuleGen.Line.Inbox.Sqlite;

/// <summary>
/// An <see cref="ILineWebhookInbox"/> in an embedded SQLite file: every enqueue is committed with <c>synchronous=FULL</c>
/// before it returns — concurrent enqueues in one shared transaction (group commit) — so an event acknowledged to
/// LINE survives a crash or power loss.
/// </summary>
/// <remarks>
/// <para>
/// Thread-safe: the instance owns two connections, each running one operation at a time: one for the endpoint's
/// enqueues (group commit, <c>synchronous=FULL</c>), one for everything else (the worker's leases and completions,
/// statistics, dead letters), so the worker never queues behind an enqueue's group. Both commit with
/// <c>synchronous=FULL</c>: an outcome the worker recorded (completed, dead-lettered, requeued) is on the disk too.
/// SQLite has one writer at a time: WAL lets readers
/// proceed, and writers — of this instance or of other processes sharing the file — wait up to
/// <see cref="SqliteLineWebhookInboxOptions.BusyTimeout"/>; leases are taken in <c>BEGIN IMMEDIATE</c> transactions, so
/// no event is leased twice at once.
/// </para>
/// <para>Completion drops the event's body and last error, keeping only what deduplication needs.</para>
/// </remarks>
public sealed class SqliteLineWebhookInbox : ILineWebhookInbox, IDisposable
{
    private const string EventColumns =
        "webhook_event_id, destination, event_type, event_timestamp, is_redelivery, event_json, attempts, received_at, last_error";

    /// <summary>The worker's connection (<c>synchronous=FULL</c> as well): every operation but enqueueing.</summary>
    private readonly SqliteStoreConnection _store;

    /// <summary>The endpoint's connection (<c>synchronous=FULL</c>): group-committed enqueues only.</summary>
    private readonly SqliteStoreConnection _writer;
    private readonly TimeProvider _timeProvider;
    private readonly SqliteGroupCommit _groupCommit;

    /// <summary>Creates an inbox on <see cref="SqliteLineWebhookInboxOptions.DatabasePath"/>; the file is opened on first use.</summary>
    /// <param name="options">Where the file is.</param>
    /// <param name="timeProvider">The clock; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    public SqliteLineWebhookInbox(SqliteLineWebhookInboxOptions options, TimeProvider? timeProvider = null)
    {
        _store = new SqliteStoreConnection(options);
        _writer = new SqliteStoreConnection(options);
        _timeProvider = timeProvider ?? TimeProvider.System;
        _groupCommit = new SqliteGroupCommit(work => _writer.RunAsync(work, CancellationToken.None), InsertGroup);
    }

    /// <inheritdoc />
    /// <remarks>
    /// Concurrent calls share a transaction (group commit): the task completes once the transaction holding these
    /// events has committed with <c>synchronous=FULL</c>, and fails — for every call in the group — when it did not.
    /// </remarks>
    public ValueTask<LineInboxEnqueueResult> EnqueueAsync(IReadOnlyList<LineInboxEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0)
        {
            return ValueTask.FromResult(LineInboxEnqueueResult.Empty);
        }

        for (var i = 0; i < events.Count; i++)
        {
            // Checked here, not in the group's transaction, so one caller's mistake never fails the others' events.
            if (events[i] is null)
            {
                throw new ArgumentException("The batch contains null.", nameof(events));
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        return new ValueTask<LineInboxEnqueueResult>(_groupCommit.EnqueueAsync(events, cancellationToken));
    }

    /// <summary>How many enqueue transactions were attempted (for the group-commit tests).</summary>
    internal long EnqueueCommits => _groupCommit.Commits;

    /// <summary>How many enqueue calls wait for the next group (for the group-commit tests).</summary>
    internal int EnqueuesWaiting => _groupCommit.Waiting;

    /// <summary>Runs just before each group's transaction begins (for the group-commit tests).</summary>
    internal Action? BeforeGroupCommit { get; set; }

    /// <summary>Reads a pragma on the connection that stores events, or on the worker's (synchronous is per connection).</summary>
    internal ValueTask<long> ReadPragmaAsync(string name, CancellationToken cancellationToken, bool workerConnection = false) =>
        (workerConnection ? _store : _writer).RunAsync(connection =>
        {
            using var pragma = SqliteStoreConnection.Command(connection, transaction: null, $"PRAGMA {name};");
            return (long)pragma.ExecuteScalar()!;
        }, cancellationToken);

    /// <summary>One transaction for every request of a group; one result per request, in order.</summary>
    private LineInboxEnqueueResult[] InsertGroup(SqliteConnection connection, IReadOnlyList<IReadOnlyList<LineInboxEvent>> batches)
    {
        BeforeGroupCommit?.Invoke();
        var now = Now();
        var results = new LineInboxEnqueueResult[batches.Count];
        using var transaction = connection.BeginTransaction();
        using var insert = SqliteStoreConnection.Command(connection, transaction, """
            INSERT INTO inbox_events (webhook_event_id, destination, event_type, event_timestamp, is_redelivery,
                                      event_json, state, attempts, received_at, due_at)
            VALUES ($id, $destination, $type, $timestamp, $redelivery, $json, 0, 0, $now, $now)
            ON CONFLICT (webhook_event_id) DO NOTHING;
            """);
        // ON CONFLICT DO NOTHING rather than INSERT OR IGNORE: OR IGNORE would also silently drop a row that
        // breaks a NOT NULL or CHECK constraint, reporting a lost event as a duplicate.
        var id = insert.Parameters.Add("$id", SqliteType.Text);
        var destination = insert.Parameters.Add("$destination", SqliteType.Text);
        var type = insert.Parameters.Add("$type", SqliteType.Text);
        var timestamp = insert.Parameters.Add("$timestamp", SqliteType.Integer);
        var redelivery = insert.Parameters.Add("$redelivery", SqliteType.Integer);
        var json = insert.Parameters.Add("$json", SqliteType.Blob);
        insert.Parameters.AddWithValue("$now", now);
        for (var b = 0; b < batches.Count; b++)
        {
            var events = batches[b];
            var outcomes = new LineInboxEnqueueOutcome[events.Count];
            for (var i = 0; i < events.Count; i++)
            {
                var inboxEvent = events[i];
                id.Value = inboxEvent.WebhookEventId;
                destination.Value = inboxEvent.Destination;
                type.Value = inboxEvent.EventType;
                timestamp.Value = inboxEvent.Timestamp;
                redelivery.Value = inboxEvent.IsRedelivery;
                json.Value = WholeArray(inboxEvent.EventJson);
                var inserted = insert.ExecuteNonQuery() == 1;
                outcomes[i] = new LineInboxEnqueueOutcome(inboxEvent.WebhookEventId, IsDuplicate: !inserted);
            }

            results[b] = new LineInboxEnqueueResult(outcomes);
        }

        transaction.Commit();
        return results;
    }

    /// <summary>The bytes as an array: the event's own (LineInboxEvent copies its JSON into one) rather than another copy.</summary>
    private static byte[] WholeArray(ReadOnlyMemory<byte> bytes) =>
        MemoryMarshal.TryGetArray(bytes, out var segment) && segment.Offset == 0 && segment.Count == segment.Array!.Length
            ? segment.Array
            : bytes.ToArray();

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<LineInboxEntry>> LeaseAsync(int max, TimeSpan leaseDuration, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(leaseDuration, TimeSpan.Zero);

        return RunAsync<IReadOnlyList<LineInboxEntry>>(connection =>
        {
            var now = _timeProvider.GetUtcNow();
            var leasedUntil = now + leaseDuration;
            using var transaction = connection.BeginTransaction();

            var due = new List<StoredRow>();
            using (var select = SqliteStoreConnection.Command(connection, transaction, $"""
                SELECT {EventColumns} FROM inbox_events
                WHERE state = {Pending} AND due_at <= $now
                ORDER BY due_at, rowid
                LIMIT $max;
                """))
            {
                select.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
                select.Parameters.AddWithValue("$max", max);
                using var reader = select.ExecuteReader();
                while (reader.Read())
                {
                    due.Add(StoredRow.Read(reader));
                }
            }

            using var update = SqliteStoreConnection.Command(connection, transaction, $"""
                UPDATE inbox_events SET attempts = attempts + 1, lease_token = $token, due_at = $leasedUntil
                WHERE webhook_event_id = $id AND state = {Pending};
                """);
            var id = update.Parameters.Add("$id", SqliteType.Text);
            var token = update.Parameters.Add("$token", SqliteType.Text);
            update.Parameters.AddWithValue("$leasedUntil", leasedUntil.ToUnixTimeMilliseconds());

            var entries = new List<LineInboxEntry>(due.Count);
            foreach (var row in due)
            {
                var leaseToken = Guid.NewGuid().ToString("N");
                id.Value = row.Event.WebhookEventId;
                token.Value = leaseToken;
                update.ExecuteNonQuery();
                entries.Add(new LineInboxEntry(row.Event, row.Attempts + 1, leaseToken, row.ReceivedAt, leasedUntil, row.LastError));
            }

            transaction.Commit();
            return entries;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<bool> RenewLeaseAsync(LineInboxEntry entry, TimeSpan leaseDuration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(leaseDuration, TimeSpan.Zero);

        return RunAsync(connection =>
        {
            // While leased, due_at is the lease's expiry; the token check keeps a stale holder from reviving its lease.
            using var renew = SqliteStoreConnection.Command(connection, transaction: null, $"""
                UPDATE inbox_events SET due_at = MAX(due_at, $leasedUntil)
                WHERE webhook_event_id = $id AND state = {Pending} AND lease_token = $token;
                """);
            renew.Parameters.AddWithValue("$id", entry.Event.WebhookEventId);
            renew.Parameters.AddWithValue("$token", entry.LeaseToken);
            renew.Parameters.AddWithValue("$leasedUntil", (_timeProvider.GetUtcNow() + leaseDuration).ToUnixTimeMilliseconds());
            return renew.ExecuteNonQuery() == 1;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask CompleteAsync(LineInboxEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);

        return RunAsync(connection =>
        {
            using var complete = SqliteStoreConnection.Command(connection, transaction: null, $"""
                UPDATE inbox_events
                SET state = {Completed}, finished_at = $now, event_json = NULL, last_error = NULL, lease_token = NULL
                WHERE webhook_event_id = $id AND state = {Pending};
                """);
            complete.Parameters.AddWithValue("$id", entry.Event.WebhookEventId);
            complete.Parameters.AddWithValue("$now", Now());
            complete.ExecuteNonQuery();
        }, cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask FailAsync(LineInboxEntry entry, string error, DateTimeOffset? retryAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(error);

        return RunAsync(connection =>
        {
            using var fail = SqliteStoreConnection.Command(connection, transaction: null, retryAt is null
                ? $"""
                    UPDATE inbox_events
                    SET state = {DeadLettered}, finished_at = $now, last_error = $error, lease_token = NULL
                    WHERE webhook_event_id = $id AND state = {Pending} AND lease_token = $token;
                    """
                : $"""
                    UPDATE inbox_events
                    SET due_at = $retryAt, last_error = $error, lease_token = NULL
                    WHERE webhook_event_id = $id AND state = {Pending} AND lease_token = $token;
                    """);
            fail.Parameters.AddWithValue("$id", entry.Event.WebhookEventId);
            fail.Parameters.AddWithValue("$token", entry.LeaseToken);
            fail.Parameters.AddWithValue("$error", error);
            fail.Parameters.AddWithValue("$now", Now());
            fail.Parameters.AddWithValue("$retryAt", retryAt?.ToUnixTimeMilliseconds() ?? 0);
            fail.ExecuteNonQuery();
        }, cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask ReleaseAsync(LineInboxEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);

        return RunAsync(connection =>
        {
            using var release = SqliteStoreConnection.Command(connection, transaction: null, $"""
                UPDATE inbox_events SET attempts = attempts - 1, due_at = $now, lease_token = NULL
                WHERE webhook_event_id = $id AND state = {Pending} AND lease_token = $token;
                """);
            release.Parameters.AddWithValue("$id", entry.Event.WebhookEventId);
            release.Parameters.AddWithValue("$token", entry.LeaseToken);
            release.Parameters.AddWithValue("$now", Now());
            release.ExecuteNonQuery();
        }, cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<LineDeadLetter>> GetDeadLettersAsync(int max, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);

        return RunAsync<IReadOnlyList<LineDeadLetter>>(connection =>
        {
            using var select = SqliteStoreConnection.Command(connection, transaction: null, $"""
                SELECT {EventColumns}, finished_at FROM inbox_events
                WHERE state = {DeadLettered}
                ORDER BY finished_at DESC, rowid DESC
                LIMIT $max;
                """);
            select.Parameters.AddWithValue("$max", max);
            using var reader = select.ExecuteReader();
            var deadLetters = new List<LineDeadLetter>();
            while (reader.Read())
            {
                deadLetters.Add(ReadDeadLetter(reader));
            }

            return deadLetters;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<LineDeadLetter?> GetDeadLetterAsync(string webhookEventId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(webhookEventId);

        return RunAsync(connection =>
        {
            using var select = SqliteStoreConnection.Command(connection, transaction: null, $"""
                SELECT {EventColumns}, finished_at FROM inbox_events
                WHERE webhook_event_id = $id AND state = {DeadLettered};
                """);
            select.Parameters.AddWithValue("$id", webhookEventId);
            using var reader = select.ExecuteReader();
            return reader.Read() ? ReadDeadLetter(reader) : null;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<bool> RequeueDeadLetterAsync(string webhookEventId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(webhookEventId);

        return RunAsync(connection =>
        {
            using var requeue = SqliteStoreConnection.Command(connection, transaction: null, $"""
                UPDATE inbox_events SET state = {Pending}, attempts = 0, due_at = $now, finished_at = NULL
                WHERE webhook_event_id = $id AND state = {DeadLettered};
                """);
            requeue.Parameters.AddWithValue("$id", webhookEventId);
            requeue.Parameters.AddWithValue("$now", Now());
            return requeue.ExecuteNonQuery() == 1;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<int> PurgeCompletedAsync(DateTimeOffset olderThan, CancellationToken cancellationToken) =>
        PurgeFinishedAsync(Completed, olderThan, cancellationToken);

    /// <inheritdoc />
    public ValueTask<int> PurgeDeadLettersAsync(DateTimeOffset olderThan, CancellationToken cancellationToken) =>
        PurgeFinishedAsync(DeadLettered, olderThan, cancellationToken);

    /// <inheritdoc />
    public ValueTask<int> PurgeDestinationAsync(string destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(destination);

        return RunAsync(connection =>
        {
            using var purge = SqliteStoreConnection.Command(connection, transaction: null, """
                DELETE FROM inbox_events WHERE destination = $destination;
                """);
            purge.Parameters.AddWithValue("$destination", destination);
            return purge.ExecuteNonQuery();
        }, cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<LineInboxStatistics> GetStatisticsAsync(CancellationToken cancellationToken)
    {
        return RunAsync(connection =>
        {
            // Two queries so each is answered from its partial index instead of scanning every completed row.
            using var transaction = connection.BeginTransaction(deferred: true);
            using var unfinished = SqliteStoreConnection.Command(connection, transaction, $"""
                SELECT COUNT(*),
                       COALESCE(SUM(lease_token IS NOT NULL AND due_at > $now), 0),
                       MIN(received_at)
                FROM inbox_events WHERE state = {Pending};
                """);
            unfinished.Parameters.AddWithValue("$now", Now());
            int pending, inFlight;
            DateTimeOffset? oldestPendingReceivedAt;
            using (var reader = unfinished.ExecuteReader())
            {
                reader.Read();
                inFlight = (int)reader.GetInt64(1);
                pending = (int)reader.GetInt64(0) - inFlight;
                oldestPendingReceivedAt = reader.IsDBNull(2)
                    ? null
                    : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2));
            }

            using var finished = SqliteStoreConnection.Command(connection, transaction, $"""
                SELECT state, COUNT(*) FROM inbox_events WHERE state <> {Pending} GROUP BY state;
                """);
            int completed = 0, deadLettered = 0;
            using (var reader = finished.ExecuteReader())
            {
                while (reader.Read())
                {
                    var count = (int)reader.GetInt64(1);
                    if (reader.GetInt64(0) == Completed)
                    {
                        completed = count;
                    }
                    else
                    {
                        deadLettered = count;
                    }
                }
            }

            transaction.Commit();
            return new LineInboxStatistics(pending, inFlight, completed, deadLettered, oldestPendingReceivedAt);
        }, cancellationToken);
    }

    /// <summary>Closes the file. Operations after this throw <see cref="ObjectDisposedException"/>.</summary>
    public void Dispose()
    {
        _writer.Dispose();
        _store.Dispose();
    }

    private ValueTask RunAsync(Action<SqliteConnection> operation, CancellationToken cancellationToken) =>
        _store.RunAsync(operation, cancellationToken);

    private ValueTask<T> RunAsync<T>(Func<SqliteConnection, T> operation, CancellationToken cancellationToken) =>
        _store.RunAsync(operation, cancellationToken);

    private long Now() => _timeProvider.GetUtcNow().ToUnixTimeMilliseconds();

    private ValueTask<int> PurgeFinishedAsync(int state, DateTimeOffset olderThan, CancellationToken cancellationToken)
    {
        return RunAsync(connection =>
        {
            // The state is inlined, not a parameter, so SQLite can prove the partial index ix_inbox_events_finished applies.
            using var purge = SqliteStoreConnection.Command(connection, transaction: null, $"""
                DELETE FROM inbox_events WHERE state = {state} AND finished_at < $olderThan;
                """);
            purge.Parameters.AddWithValue("$olderThan", olderThan.ToUnixTimeMilliseconds());
            return purge.ExecuteNonQuery();
        }, cancellationToken);
    }

    private static LineDeadLetter ReadDeadLetter(SqliteDataReader reader)
    {
        var row = StoredRow.Read(reader);
        var deadLetteredAt = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(StoredRow.ColumnCount));
        return new LineDeadLetter(row.Event, row.Attempts, row.ReceivedAt, deadLetteredAt, row.LastError);
    }

    /// <summary>The columns of <see cref="EventColumns"/>, read back into objects.</summary>
    private sealed record StoredRow(LineInboxEvent Event, int Attempts, DateTimeOffset ReceivedAt, string? LastError)
    {
        public const int ColumnCount = 9;

        public static StoredRow Read(SqliteDataReader reader)
        {
            var inboxEvent = new LineInboxEvent(
                destination: reader.GetString(1),
                webhookEventId: reader.GetString(0),
                eventType: reader.GetString(2),
                timestamp: reader.GetInt64(3),
                isRedelivery: reader.GetInt64(4) != 0,
                eventJson: reader.GetFieldValue<byte[]>(5));
            return new StoredRow(
                inboxEvent,
                Attempts: (int)reader.GetInt64(6),
                ReceivedAt: DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(7)),
                LastError: reader.IsDBNull(8) ? null : reader.GetString(8));
        }
    }
}
