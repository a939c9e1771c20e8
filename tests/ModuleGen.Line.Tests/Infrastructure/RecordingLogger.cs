using System;
using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ModuleGen.Line.Tests.Infrastructure;

/// <summary>Keeps every formatted log line (with its exception text) so tests can look for leaked secrets.</summary>
public sealed class RecordingLogger<T> : ILogger<T>
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull
        => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var line = formatter(state, exception) + " " + exception;
        Lines.Enqueue(line);
        TestRunLog.Lines.Enqueue(line);
    }
}
