using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace ModuleGen.Line.Inbox.Tests.Infrastructure;

/// <summary>Keeps every log entry: its formatted message and every structured value.</summary>
internal sealed class CapturingLogger<T> : ILogger<T>
{
    private readonly ConcurrentQueue<string> _entries = new();
    private readonly Lock _waitersLock = new();
    private readonly List<(Func<string, bool> Match, TaskCompletionSource Logged)> _waiters = [];

    public IReadOnlyList<string> Entries => _entries.ToList();

    /// <summary>Completes once an entry matching <paramref name="match"/> has been logged (at once if one has).</summary>
    public Task WaitForEntryAsync(Func<string, bool> match)
    {
        lock (_waitersLock)
        {
            if (_entries.Any(match))
            {
                return Task.CompletedTask;
            }

            var logged = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((match, logged));
            return logged.Task;
        }
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(
        LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var values = state is IEnumerable<KeyValuePair<string, object?>> pairs
            ? string.Join(";", pairs.Select(pair => $"{pair.Key}={pair.Value}"))
            : string.Empty;
        var entry = $"{logLevel}: {formatter(state, exception)} [{values}]";
        lock (_waitersLock)
        {
            _entries.Enqueue(entry);
            foreach (var waiter in _waiters.Where(waiter => waiter.Match(entry)).ToList())
            {
                waiter.Logged.TrySetResult();
                _waiters.Remove(waiter);
            }
        }
    }
}
