using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;
using ModuleGen.Line.Inbox;

namespace ModuleGen.Line.Inbox.Sqlite;

/// <summary>
/// Group commit for enqueues: requests that arrive while a commit is on the disk wait together and are written by the
/// next one transaction, so N concurrent webhook requests cost one fsync instead of N. Each request's task completes
/// only when the transaction holding its events has committed (with <c>synchronous=FULL</c>); when that transaction
/// fails, every request in it fails with the same exception and none of their events is stored.
/// </summary>
internal sealed class SqliteGroupCommit
{
    private readonly Lock _lock = new();
    private readonly Func<SqliteConnection, IReadOnlyList<IReadOnlyList<LineInboxEvent>>, LineInboxEnqueueResult[]> _write;
    private readonly Func<Func<SqliteConnection, LineInboxEnqueueResult[]>, ValueTask<LineInboxEnqueueResult[]>> _run;
    private List<Request> _waiting = new();
    private bool _committing;
    private long _commits;

    /// <param name="run">Runs work on the store's one connection (serialised with every other operation).</param>
    /// <param name="write">Writes the groups' events in one transaction and commits it; one result per request.</param>
    public SqliteGroupCommit(
        Func<Func<SqliteConnection, LineInboxEnqueueResult[]>, ValueTask<LineInboxEnqueueResult[]>> run,
        Func<SqliteConnection, IReadOnlyList<IReadOnlyList<LineInboxEvent>>, LineInboxEnqueueResult[]> write)
    {
        _run = run;
        _write = write;
    }

    /// <summary>How many group transactions were committed or attempted (for tests).</summary>
    internal long Commits => Interlocked.Read(ref _commits);

    /// <summary>How many requests wait for the next group (for tests).</summary>
    internal int Waiting
    {
        get
        {
            lock (_lock)
            {
                return _waiting.Count;
            }
        }
    }

    /// <summary>
    /// Stores <paramref name="events"/> with the next group. Cancelling stops the wait, not the write: events already
    /// handed over are committed anyway (LINE's redelivery is then deduplicated).
    /// </summary>
    public Task<LineInboxEnqueueResult> EnqueueAsync(IReadOnlyList<LineInboxEvent> events, CancellationToken cancellationToken)
    {
        var request = new Request(events);
        bool lead;
        lock (_lock)
        {
            _waiting.Add(request);
            lead = !_committing;
            _committing = true;
        }

        if (lead)
        {
            // The loop belongs to no request: a caller that gives up must not stop the others' commit.
            _ = Task.Run(CommitWhileWaitingAsync, CancellationToken.None);
        }

        return request.Completion.Task.WaitAsync(cancellationToken);
    }

    private async Task CommitWhileWaitingAsync()
    {
        while (true)
        {
            List<Request> group;
            lock (_lock)
            {
                if (_waiting.Count == 0)
                {
                    _committing = false;
                    return;
                }

                group = _waiting;
                _waiting = new List<Request>();
            }

            try
            {
                var batches = new IReadOnlyList<LineInboxEvent>[group.Count];
                for (var i = 0; i < group.Count; i++)
                {
                    batches[i] = group[i].Events;
                }

                Interlocked.Increment(ref _commits);
                var results = await _run(connection => _write(connection, batches)).ConfigureAwait(false);
                for (var i = 0; i < group.Count; i++)
                {
                    group[i].Completion.TrySetResult(results[i]);
                }
            }
            catch (Exception exception)
            {
                foreach (var request in group)
                {
                    request.Completion.TrySetException(exception);
                }
            }
        }
    }

    private sealed class Request(IReadOnlyList<LineInboxEvent> events)
    {
        public IReadOnlyList<LineInboxEvent> Events { get; } = events;

        public TaskCompletionSource<LineInboxEnqueueResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
