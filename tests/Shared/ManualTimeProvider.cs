using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace ModuleGen.Tests.Shared;

/// <summary>A clock that moves only when a test calls <see cref="Advance"/>; its timers fire then too.</summary>
public sealed class ManualTimeProvider : TimeProvider
{
    public static readonly DateTimeOffset DefaultStart = new(2026, 7, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly Lock _lock = new();
    private readonly List<ManualTimer> _timers = [];
    private readonly List<TaskCompletionSource> _timerWaiters = [];
    private DateTimeOffset _now;

    public ManualTimeProvider()
        : this(DefaultStart)
    {
    }

    public ManualTimeProvider(DateTimeOffset start)
    {
        _now = start;
    }

    public override DateTimeOffset GetUtcNow()
    {
        lock (_lock)
        {
            return _now;
        }
    }

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    public void Advance(TimeSpan by)
    {
        List<ManualTimer> due;
        lock (_lock)
        {
            _now += by;
            due = _timers.Where(timer => timer.DueAt <= _now).ToList();
        }

        foreach (var timer in due)
        {
            timer.Fire();
        }
    }

    /// <summary>Completes once some timer is scheduled: for a worker, that it has gone to wait for work.</summary>
    public Task WaitForScheduledTimerAsync()
    {
        lock (_lock)
        {
            if (_timers.Count > 0)
            {
                return Task.CompletedTask;
            }

            var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _timerWaiters.Add(waiter);
            return waiter.Task;
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ManualTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>Sets when <paramref name="timer"/> fires next (never when <paramref name="dueAt"/> is null).</summary>
    private void Schedule(ManualTimer timer, Func<DateTimeOffset, DateTimeOffset?> dueAt)
    {
        List<TaskCompletionSource> waiters;
        lock (_lock)
        {
            timer.DueAt = dueAt(_now);
            _timers.Remove(timer);
            if (timer.DueAt is null)
            {
                return;
            }

            _timers.Add(timer);
            waiters = [.. _timerWaiters];
            _timerWaiters.Clear();
        }

        waiters.ForEach(waiter => waiter.TrySetResult());
    }

    private sealed class ManualTimer(ManualTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        private TimeSpan _period = Timeout.InfiniteTimeSpan;

        /// <summary>Read and written only under the owner's lock.</summary>
        public DateTimeOffset? DueAt { get; set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            _period = period;
            owner.Schedule(this, now => dueTime == Timeout.InfiniteTimeSpan ? null : now + dueTime);
            return true;
        }

        public void Fire()
        {
            owner.Schedule(this, now => _period == Timeout.InfiniteTimeSpan ? null : now + _period);
            callback(state);
        }

        public void Dispose() => owner.Schedule(this, _ => null);

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
