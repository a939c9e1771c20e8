using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ModuleGen.Line.Inbox;
using Npgsql;
using NpgsqlTypes;
using static ModuleGen.Line.Inbox.PostgreSql.PostgreSqlStoreSchema;

namespace ModuleGen.Line.Inbox.PostgreSql;

/// <summary>
/// An <see cref="ILineWebhookInbox"/> on PostgreSQL that any number of webhook hosts and workers, in any number of
/// processes, share: each event is handled once in normal operation and at least once across crashes, with the
/// duplicate window no larger than the lease.
/// </summary>
/// <remarks>
/// <para>
/// Enqueue is one <c>INSERT … ON CONFLICT (destination, webhook_event_id) DO NOTHING</c> per batch, committed before it
/// returns. Leasing claims rows with <c>FOR UPDATE SKIP LOCKED</c>, so concurrent workers never wait on or take each
/// other's rows, and marks them with a fresh lease token; renewal, completion, failure and release check that token.
/// </para>
/// <para>
/// With <see cref="PostgreSqlLineStoreOptions.OrderPerDestination"/>, a lease first claims OAs (rows of
/// <c>inbox_destinations</c>, again with <c>SKIP LOCKED</c>) whose oldest pending event is due and whose OA lease is
/// free, then that one head event of each: SKIP LOCKED alone would skip a locked head and hand out the next event of
/// the same OA. The OA lease carries the event's lease token and deadline, is renewed with it and freed by its outcome.
/// </para>
/// </remarks>
public sealed class PostgreSqlLineWebhookInbox : ILineWebhookInbox
{
    private const string EventColumns =
        "e.webhook_event_id, e.destination, e.event_type, e.event_timestamp, e.is_redelivery, e.event_json, e.attempts, e.received_at, e.last_error";

    private readonly PostgreSqlLineStore _store;
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates an inbox on <paramref name="store"/>.</summary>
    public PostgreSqlLineWebhookInbox(PostgreSqlLineStore store, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <inheritdoc />
    public async ValueTask<LineInboxEnqueueResult> EnqueueAsync(IReadOnlyList<LineInboxEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0)
        {
            return LineInboxEnqueueResult.Empty;
        }

        if (events.Any(e => e is null))
        {
            throw new ArgumentException("The batch contains null.", nameof(events));
        }

        var now = Now();
        await using var connection = await _store.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using NpgsqlCommand insert = new($"""
            {(_store.Options.OrderPerDestination
                ? "WITH known AS (INSERT INTO inbox_destinations (destination) SELECT DISTINCT unnest(@destination) ON CONFLICT DO NOTHING) "
                : string.Empty)}
            INSERT INTO inbox_events (destination, webhook_event_id, event_type, event_timestamp, is_redelivery, event_json,
                                      state, attempts, received_at, due_at)
            SELECT d, i, t, ts, r, j, {Pending}, 0, @now, @now
            FROM unnest(@destination, @id, @type, @timestamp, @redelivery, @json) WITH ORDINALITY AS b(d, i, t, ts, r, j, n)
            ORDER BY n
            ON CONFLICT (destination, webhook_event_id) DO NOTHING
            RETURNING destination, webhook_event_id;
            """, connection);
        insert.Parameters.Add(new NpgsqlParameter<string[]>("destination", events.Select(e => e.Destination).ToArray()));
        insert.Parameters.Add(new NpgsqlParameter<string[]>("id", events.Select(e => e.WebhookEventId).ToArray()));
        insert.Parameters.Add(new NpgsqlParameter<string[]>("type", events.Select(e => e.EventType).ToArray()));
        insert.Parameters.Add(new NpgsqlParameter<long[]>("timestamp", events.Select(e => e.Timestamp).ToArray()));
        insert.Parameters.Add(new NpgsqlParameter<bool[]>("redelivery", events.Select(e => e.IsRedelivery).ToArray()));
        insert.Parameters.Add(new NpgsqlParameter<byte[][]>("json", events.Select(e => e.EventJson.ToArray()).ToArray())
        {
            NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bytea,
        });
        insert.Parameters.Add(new NpgsqlParameter<long>("now", now));

        var inserted = new HashSet<(string, string)>();
        await using (var reader = await insert.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                inserted.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        // A key inserted by this batch is new only at its first occurrence in the batch.
        var outcomes = new LineInboxEnqueueOutcome[events.Count];
        for (var i = 0; i < events.Count; i++)
        {
            var isNew = inserted.Remove((events[i].Destination, events[i].WebhookEventId));
            outcomes[i] = new LineInboxEnqueueOutcome(events[i].WebhookEventId, IsDuplicate: !isNew);
        }

        return new LineInboxEnqueueResult(outcomes);
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<LineInboxEntry>> LeaseAsync(int max, TimeSpan leaseDuration, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(leaseDuration, TimeSpan.Zero);

        var now = _timeProvider.GetUtcNow();
        var leasedUntil = now + leaseDuration;
        var sql = _store.Options.OrderPerDestination
            ? $"""
                WITH heads AS (
                    SELECT d.destination FROM inbox_destinations d
                    WHERE (d.leased_until IS NULL OR d.leased_until <= @now)
                      AND (SELECT h.due_at FROM inbox_events h
                           WHERE h.destination = d.destination AND h.state = {Pending}
                           ORDER BY h.event_timestamp, h.seq LIMIT 1) <= @now
                    LIMIT @max
                    FOR UPDATE SKIP LOCKED
                ), due AS (
                    SELECT h.destination, h.webhook_event_id, h.due_at, h.seq, gen_random_uuid()::text AS token
                    FROM heads, LATERAL (
                        SELECT x.destination, x.webhook_event_id, x.due_at, x.seq FROM inbox_events x
                        WHERE x.destination = heads.destination AND x.state = {Pending}
                        ORDER BY x.event_timestamp, x.seq LIMIT 1) h
                ), claimed AS (
                    UPDATE inbox_destinations d SET lease_token = due.token, leased_until = @leasedUntil
                    FROM due WHERE d.destination = due.destination
                )
                UPDATE inbox_events e SET attempts = e.attempts + 1, lease_token = due.token, due_at = @leasedUntil
                FROM due WHERE e.destination = due.destination AND e.webhook_event_id = due.webhook_event_id
                RETURNING {EventColumns}, e.lease_token, due.due_at, due.seq;
                """
            : $"""
                WITH due AS (
                    SELECT destination, webhook_event_id, due_at, seq FROM inbox_events
                    WHERE state = {Pending} AND due_at <= @now
                    ORDER BY due_at, seq
                    LIMIT @max
                    FOR UPDATE SKIP LOCKED
                )
                UPDATE inbox_events e SET attempts = e.attempts + 1, lease_token = gen_random_uuid()::text, due_at = @leasedUntil
                FROM due WHERE e.destination = due.destination AND e.webhook_event_id = due.webhook_event_id
                RETURNING {EventColumns}, e.lease_token, due.due_at, due.seq;
                """;

        await using var connection = await _store.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using NpgsqlCommand lease = new(sql, connection);
        lease.Parameters.Add(new NpgsqlParameter<long>("now", now.ToUnixTimeMilliseconds()));
        lease.Parameters.Add(new NpgsqlParameter<long>("leasedUntil", leasedUntil.ToUnixTimeMilliseconds()));
        lease.Parameters.Add(new NpgsqlParameter<int>("max", max));
        var leased = new List<(long DueAt, long Seq, LineInboxEntry Entry)>();
        await using (var reader = await lease.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var row = StoredRow.Read(reader);
                var entry = new LineInboxEntry(row.Event, row.Attempts, reader.GetString(9), row.ReceivedAt, leasedUntil, row.LastError);
                leased.Add((reader.GetInt64(10), reader.GetInt64(11), entry));
            }
        }

        // UPDATE … RETURNING does not keep the CTE's order: oldest due first, as the contract says.
        return leased.OrderBy(l => l.DueAt).ThenBy(l => l.Seq).Select(l => l.Entry).ToList();
    }

    /// <inheritdoc />
    public async ValueTask<bool> RenewLeaseAsync(LineInboxEntry entry, TimeSpan leaseDuration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(leaseDuration, TimeSpan.Zero);

        var leasedUntil = (_timeProvider.GetUtcNow() + leaseDuration).ToUnixTimeMilliseconds();
        return await ExecuteForLeaseAsync(entry, $"""
            WITH renewed AS (
                UPDATE inbox_events SET due_at = GREATEST(due_at, @leasedUntil)
                WHERE destination = @destination AND webhook_event_id = @id AND state = {Pending} AND lease_token = @token
                RETURNING destination
            ), destination AS (
                UPDATE inbox_destinations d SET leased_until = GREATEST(d.leased_until, @leasedUntil)
                FROM renewed WHERE d.destination = renewed.destination AND d.lease_token = @token
            )
            SELECT COUNT(*) FROM renewed;
            """, ("leasedUntil", leasedUntil), cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <inheritdoc />
    public async ValueTask CompleteAsync(LineInboxEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await ExecuteForLeaseAsync(entry, $"""
            WITH done AS (
                UPDATE inbox_events
                SET state = {Completed}, finished_at = @now, event_json = NULL, last_error = NULL, lease_token = NULL
                WHERE destination = @destination AND webhook_event_id = @id AND state = {Pending}
                RETURNING destination
            ){FreeDestination("done")}
            SELECT COUNT(*) FROM done;
            """, ("now", Now()), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask FailAsync(LineInboxEntry entry, string error, DateTimeOffset? retryAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(error);
        var set = retryAt is null
            ? $"state = {DeadLettered}, finished_at = @now, last_error = @error, lease_token = NULL"
            : "due_at = @retryAt, last_error = @error, lease_token = NULL";
        await ExecuteForLeaseAsync(entry, $"""
            WITH failed AS (
                UPDATE inbox_events SET {set}
                WHERE destination = @destination AND webhook_event_id = @id AND state = {Pending} AND lease_token = @token
                RETURNING destination
            ){FreeDestination("failed")}
            SELECT COUNT(*) FROM failed;
            """, cancellationToken, ("now", Now()), ("error", error), ("retryAt", retryAt?.ToUnixTimeMilliseconds() ?? 0))
            .ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask ReleaseAsync(LineInboxEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await ExecuteForLeaseAsync(entry, $"""
            WITH released AS (
                UPDATE inbox_events SET attempts = attempts - 1, due_at = @now, lease_token = NULL
                WHERE destination = @destination AND webhook_event_id = @id AND state = {Pending} AND lease_token = @token
                RETURNING destination
            ){FreeDestination("released")}
            SELECT COUNT(*) FROM released;
            """, ("now", Now()), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<LineDeadLetter>> GetDeadLettersAsync(int max, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        return await ReadDeadLettersAsync(
            "ORDER BY e.finished_at DESC, e.seq DESC LIMIT @max", new NpgsqlParameter<int>("max", max), cancellationToken)
            .ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask<LineDeadLetter?> GetDeadLetterAsync(string webhookEventId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(webhookEventId);
        return (await ReadDeadLettersAsync(
            "AND e.webhook_event_id = @id", new NpgsqlParameter<string>("id", webhookEventId), cancellationToken)
            .ConfigureAwait(false)).FirstOrDefault();
    }

    /// <inheritdoc />
    public async ValueTask<bool> RequeueDeadLetterAsync(string webhookEventId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(webhookEventId);
        return await ExecuteAsync($"""
            UPDATE inbox_events SET state = {Pending}, attempts = 0, due_at = @now, finished_at = NULL
            WHERE webhook_event_id = @id AND state = {DeadLettered};
            """, cancellationToken, ("id", webhookEventId), ("now", Now())).ConfigureAwait(false) > 0;
    }

    /// <inheritdoc />
    public ValueTask<int> PurgeCompletedAsync(DateTimeOffset olderThan, CancellationToken cancellationToken) =>
        ExecuteAsync(
            $"DELETE FROM inbox_events WHERE state = {Completed} AND finished_at < @olderThan;",
            cancellationToken, ("olderThan", olderThan.ToUnixTimeMilliseconds()));

    /// <inheritdoc />
    public ValueTask<int> PurgeDeadLettersAsync(DateTimeOffset olderThan, CancellationToken cancellationToken) =>
        ExecuteAsync(
            $"DELETE FROM inbox_events WHERE state = {DeadLettered} AND finished_at < @olderThan;",
            cancellationToken, ("olderThan", olderThan.ToUnixTimeMilliseconds()));

    /// <inheritdoc />
    public ValueTask<int> PurgeDestinationAsync(string destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(destination);
        return ExecuteAsync("""
            WITH gone AS (DELETE FROM inbox_destinations WHERE destination = @destination)
            DELETE FROM inbox_events WHERE destination = @destination;
            """, cancellationToken, ("destination", destination));
    }

    /// <inheritdoc />
    public async ValueTask<LineInboxStatistics> GetStatisticsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _store.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using NpgsqlCommand statistics = new($"""
            SELECT COUNT(*) FILTER (WHERE state = {Pending}),
                   COUNT(*) FILTER (WHERE state = {Pending} AND lease_token IS NOT NULL AND due_at > @now),
                   MIN(received_at) FILTER (WHERE state = {Pending}),
                   COUNT(*) FILTER (WHERE state = {Completed}),
                   COUNT(*) FILTER (WHERE state = {DeadLettered})
            FROM inbox_events;
            """, connection);
        statistics.Parameters.Add(new NpgsqlParameter<long>("now", Now()));
        await using var reader = await statistics.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        var inFlight = (int)reader.GetInt64(1);
        return new LineInboxStatistics(
            Pending: (int)reader.GetInt64(0) - inFlight,
            InFlight: inFlight,
            Completed: (int)reader.GetInt64(3),
            DeadLettered: (int)reader.GetInt64(4),
            OldestPendingReceivedAt: reader.IsDBNull(2) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)));
    }

    /// <summary>With per-OA ordering, an outcome frees the OA's lease if it is still this event's.</summary>
    private string FreeDestination(string outcome) => _store.Options.OrderPerDestination
        ? $"""
            , freed AS (
                UPDATE inbox_destinations d SET lease_token = NULL, leased_until = NULL
                FROM {outcome} WHERE d.destination = {outcome}.destination AND d.lease_token = @token
            )
            """
        : string.Empty;

    private ValueTask<long> ExecuteForLeaseAsync(
        LineInboxEntry entry, string sql, (string Name, object Value) parameter, CancellationToken cancellationToken) =>
        ExecuteForLeaseAsync(entry, sql, cancellationToken, parameter);

    /// <summary>Runs a statement about <paramref name="entry"/>'s lease (its destination, ID and token) and returns its scalar.</summary>
    private async ValueTask<long> ExecuteForLeaseAsync(
        LineInboxEntry entry, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var connection = await _store.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using NpgsqlCommand command = new(sql, connection);
        command.Parameters.Add(new NpgsqlParameter<string>("destination", entry.Event.Destination));
        command.Parameters.Add(new NpgsqlParameter<string>("id", entry.Event.WebhookEventId));
        command.Parameters.Add(new NpgsqlParameter<string>("token", entry.LeaseToken));
        foreach ((var name, var value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    private async ValueTask<int> ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var connection = await _store.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using NpgsqlCommand command = new(sql, connection);
        foreach ((var name, var value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask<IReadOnlyList<LineDeadLetter>> ReadDeadLettersAsync(
        string condition, NpgsqlParameter parameter, CancellationToken cancellationToken)
    {
        await using var connection = await _store.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using NpgsqlCommand select = new(
            $"SELECT {EventColumns}, e.finished_at FROM inbox_events e WHERE e.state = {DeadLettered} {condition};", connection);
        select.Parameters.Add(parameter);
        await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var deadLetters = new List<LineDeadLetter>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var row = StoredRow.Read(reader);
            deadLetters.Add(new LineDeadLetter(
                row.Event, row.Attempts, row.ReceivedAt, DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(9)), row.LastError));
        }

        return deadLetters;
    }

    private long Now() => _timeProvider.GetUtcNow().ToUnixTimeMilliseconds();

    /// <summary>The columns of <see cref="EventColumns"/>, read back into objects.</summary>
    private sealed record StoredRow(LineInboxEvent Event, int Attempts, DateTimeOffset ReceivedAt, string? LastError)
    {
        public static StoredRow Read(NpgsqlDataReader reader) => new(
            new LineInboxEvent(
                destination: reader.GetString(1),
                webhookEventId: reader.GetString(0),
                eventType: reader.GetString(2),
                timestamp: reader.GetInt64(3),
                isRedelivery: reader.GetBoolean(4),
                eventJson: reader.GetFieldValue<byte[]>(5)),
            Attempts: reader.GetInt32(6),
            ReceivedAt: DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(7)),
            LastError: reader.IsDBNull(8) ? null : reader.GetString(8));
    }
}
