using System.Collections.Generic;

namespace ModuleGen.Testing.WireMock;

/// <summary>
/// Keeps the last lines a child process wrote, so a start-up failure can show why without holding a whole run's log
/// (WireMock writes a diff for every unmatched request).
/// </summary>
internal sealed class OutputTail
{
    private readonly Queue<string> lines = new();
    private readonly int capacity;
    private readonly object gate = new();

    internal OutputTail(int capacity) => this.capacity = capacity;

    internal void Add(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (gate)
        {
            if (lines.Count == capacity)
            {
                lines.Dequeue();
            }

            lines.Enqueue(line);
        }
    }

    internal bool Contains(string text)
    {
        lock (gate)
        {
            foreach (var line in lines)
            {
                if (line.Contains(text, System.StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }
    }

    public override string ToString()
    {
        lock (gate)
        {
            return lines.Count == 0 ? "(nothing)" : string.Join('\n', lines);
        }
    }
}
