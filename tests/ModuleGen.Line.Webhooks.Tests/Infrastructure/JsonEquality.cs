using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace ModuleGen.Line.Webhooks.Tests.Infrastructure;

/// <summary>Deep JSON equality that ignores property order and escaping, and compares numbers by value.</summary>
internal static class JsonEquality
{
    /// <summary>Null when equal, otherwise the path of the first difference.</summary>
    public static string? FindDifference(JsonElement expected, JsonElement actual, string path = "$")
    {
        if (expected.ValueKind != actual.ValueKind)
        {
            return $"{path}: {expected.ValueKind} vs {actual.ValueKind}";
        }

        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                var expectedProperties = expected.EnumerateObject().ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);
                var actualProperties = actual.EnumerateObject().ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);
                foreach (var name in expectedProperties.Keys.Union(actualProperties.Keys))
                {
                    if (!expectedProperties.TryGetValue(name, out var e) || !actualProperties.TryGetValue(name, out var a))
                    {
                        return $"{path}.{name}: present on one side only";
                    }

                    if (FindDifference(e, a, $"{path}.{name}") is { } difference)
                    {
                        return difference;
                    }
                }

                return null;
            case JsonValueKind.Array:
                var expectedItems = expected.EnumerateArray().ToList();
                var actualItems = actual.EnumerateArray().ToList();
                if (expectedItems.Count != actualItems.Count)
                {
                    return $"{path}: {expectedItems.Count} items vs {actualItems.Count}";
                }

                for (var i = 0; i < expectedItems.Count; i++)
                {
                    if (FindDifference(expectedItems[i], actualItems[i], $"{path}[{i}]") is { } difference)
                    {
                        return difference;
                    }
                }

                return null;
            case JsonValueKind.String:
                return expected.GetString() == actual.GetString() ? null : $"{path}: \"{expected.GetString()}\" vs \"{actual.GetString()}\"";
            case JsonValueKind.Number:
                var same = expected.TryGetDecimal(out var e1) && actual.TryGetDecimal(out var a1)
                    ? e1 == a1
                    : expected.GetDouble().Equals(actual.GetDouble());
                return same ? null : $"{path}: {expected.GetRawText()} vs {actual.GetRawText()}";
            default:
                return null;
        }
    }

    public static string? FindDifference(ReadOnlyMemory<byte> expected, ReadOnlyMemory<byte> actual)
    {
        using var e = JsonDocument.Parse(expected);
        using var a = JsonDocument.Parse(actual);
        return FindDifference(e.RootElement, a.RootElement);
    }
}
