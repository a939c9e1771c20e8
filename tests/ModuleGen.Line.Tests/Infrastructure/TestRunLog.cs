using System;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;

namespace ModuleGen.Line.Tests.Infrastructure;

/// <summary>
/// Every log line and every exception message of the whole test run (exceptions as they are thrown, caught or not),
/// so the redaction test can look for the known secrets in all of them.
/// </summary>
public static class TestRunLog
{
    public static ConcurrentQueue<string> Lines { get; } = new();

    public static ILoggerProvider Provider { get; } = new RunLoggerProvider();

    [ModuleInitializer]
    internal static void CaptureExceptions()
        => AppDomain.CurrentDomain.FirstChanceException += static (_, args) => Lines.Enqueue(args.Exception.GetType().Name + ": " + args.Exception.Message);

    private sealed class RunLoggerProvider : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new RunLogger();

        public void Dispose()
        {
        }
    }

    private sealed class RunLogger : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull
            => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            => Lines.Enqueue(formatter(state, exception) + " " + exception);
    }
}
