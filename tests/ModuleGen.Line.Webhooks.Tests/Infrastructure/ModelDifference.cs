using System;
using System.Collections;
using System.Linq;
using System.Reflection;
using System.Text.Json;

namespace ModuleGen.Line.Webhooks.Tests.Infrastructure;

/// <summary>
/// Deep equality of two read models by their public properties, at every depth: types, values, raw JSON of unknown
/// kinds and additional properties, the required properties each model found missing, and an unreadable event's
/// path, reason and bytes. Two reads that agree here cannot be told apart through the public API.
/// </summary>
internal static class ModelDifference
{
    /// <summary>Null when equal, otherwise the path of the first difference.</summary>
    public static string? Find(object? expected, object? actual, string path = "$")
    {
        if (expected is null || actual is null)
        {
            return expected is null && actual is null ? null : $"{path}: {Describe(expected)} vs {Describe(actual)}";
        }

        var type = expected.GetType();
        if (type != actual.GetType())
        {
            return $"{path}: {type.Name} vs {actual.GetType().Name}";
        }

        switch (expected)
        {
            case string or IConvertible:
                return expected.Equals(actual) ? null : $"{path}: {expected} vs {actual}";
            case JsonElement element:
                return element.GetRawText() == ((JsonElement)actual).GetRawText() ? null : $"{path}: {element.GetRawText()} vs {((JsonElement)actual).GetRawText()}";
            case ReadOnlyMemory<byte> bytes:
                return bytes.Span.SequenceEqual(((ReadOnlyMemory<byte>)actual).Span) ? null : $"{path}: the bytes differ";
            case IDictionary dictionary:
                var other = (IDictionary)actual;
                if (dictionary.Count != other.Count)
                {
                    return $"{path}: {dictionary.Count} entries vs {other.Count}";
                }

                foreach (DictionaryEntry entry in dictionary)
                {
                    if (!other.Contains(entry.Key))
                    {
                        return $"{path}.{entry.Key}: present on one side only";
                    }

                    if (Find(entry.Value, other[entry.Key], $"{path}.{entry.Key}") is { } difference)
                    {
                        return difference;
                    }
                }

                return null;
            case IEnumerable items:
                var expectedItems = items.Cast<object?>().ToList();
                var actualItems = ((IEnumerable)actual).Cast<object?>().ToList();
                if (expectedItems.Count != actualItems.Count)
                {
                    return $"{path}: {expectedItems.Count} items vs {actualItems.Count}";
                }

                for (var i = 0; i < expectedItems.Count; i++)
                {
                    if (Find(expectedItems[i], actualItems[i], $"{path}[{i}]") is { } difference)
                    {
                        return difference;
                    }
                }

                return null;
        }

        if (type.IsValueType || type.Namespace?.StartsWith("ModuleGen.Line", StringComparison.Ordinal) != true)
        {
            // Open enums and other values compare as values (and by their text, which an open enum keeps as sent).
            return expected.Equals(actual) && expected.ToString() == actual.ToString() ? null : $"{path}: {expected} vs {actual}";
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || property.GetMethod is null)
            {
                continue;
            }

            if (Find(property.GetValue(expected), property.GetValue(actual), $"{path}.{property.Name}") is { } difference)
            {
                return difference;
            }
        }

        return null;
    }

    private static string Describe(object? value) => value is null ? "null" : value.GetType().Name;
}
