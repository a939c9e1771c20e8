using System;
using System.Collections.Generic;

namespace ModuleGen.Line.Testing.Faults;

/// <summary>
/// Faults planned for the next calls of an operation: <c>platform.Faults.Next("pushMessage", 2).RateLimited()</c>.
/// Status and delay faults happen in the fake; resets happen in the handler the platform hands out
/// (<see cref="LineFakePlatform.CreateHandler"/>), so a client must send through it for those.
/// </summary>
public sealed class LineFaults
{
    private readonly object gate = new();
    private readonly Dictionary<string, Queue<PlannedFault>> plans = new(StringComparer.Ordinal);
    private readonly Func<string, bool> isOperation;

    internal LineFaults(Func<string, bool> isOperation) => this.isOperation = isOperation;

    /// <summary>Plans a fault for the next <paramref name="count"/> calls of <paramref name="operationId"/>, after those already planned.</summary>
    /// <exception cref="ArgumentException">The spec has no such operation.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is less than 1.</exception>
    public LineFaultPlan Next(string operationId, int count = 1)
    {
        ArgumentException.ThrowIfNullOrEmpty(operationId);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        if (!isOperation(operationId))
        {
            throw new ArgumentException($"The spec has no operation '{operationId}'.", nameof(operationId));
        }

        return new LineFaultPlan(fault => Add(operationId, fault), count);
    }

    /// <summary>The number of planned faulty calls not yet made, for one operation.</summary>
    public int Pending(string operationId)
    {
        lock (gate)
        {
            var pending = 0;
            if (plans.TryGetValue(operationId, out var queue))
            {
                foreach (var fault in queue)
                {
                    pending += fault.Remaining;
                }
            }

            return pending;
        }
    }

    internal void Clear()
    {
        lock (gate)
        {
            plans.Clear();
        }
    }

    /// <summary>Takes one call of the fault at the head of the operation's plan if <paramref name="takes"/> says it is this side's.</summary>
    internal PlannedFault? Take(string operationId, Func<LineFaultKind, bool> takes)
    {
        lock (gate)
        {
            if (!plans.TryGetValue(operationId, out var queue) || !queue.TryPeek(out var head) || !takes(head.Kind))
            {
                return null;
            }

            head.Remaining--;
            if (head.Remaining == 0)
            {
                queue.Dequeue();
            }

            return head;
        }
    }

    private void Add(string operationId, PlannedFault fault)
    {
        lock (gate)
        {
            if (!plans.TryGetValue(operationId, out var queue))
            {
                plans[operationId] = queue = new Queue<PlannedFault>();
            }

            queue.Enqueue(fault);
        }
    }
}
