using System;
using System.Collections.Generic;

namespace ModuleGen.Line.Inbox;

/// <summary>The outcome of storing a batch of events.</summary>
public sealed class LineInboxEnqueueResult
{
    /// <summary>The result of an empty batch.</summary>
    public static LineInboxEnqueueResult Empty { get; } = new([]);

    /// <summary>Creates a result.</summary>
    /// <param name="outcomes">One outcome per event, in the order the events were given.</param>
    public LineInboxEnqueueResult(IReadOnlyList<LineInboxEnqueueOutcome> outcomes)
    {
        ArgumentNullException.ThrowIfNull(outcomes);

        Outcomes = outcomes;
        foreach (var outcome in outcomes)
        {
            if (outcome.IsDuplicate)
            {
                DuplicateCount++;
            }
            else
            {
                StoredCount++;
            }
        }
    }

    /// <summary>One outcome per event, in the order the events were given.</summary>
    public IReadOnlyList<LineInboxEnqueueOutcome> Outcomes { get; }

    /// <summary>How many events were new and are now stored.</summary>
    public int StoredCount { get; }

    /// <summary>How many events were duplicates and were not stored again.</summary>
    public int DuplicateCount { get; }
}
