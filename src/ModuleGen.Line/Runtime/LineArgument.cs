using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Text.RegularExpressions;

// Plumbing for generated code (hidden from IntelliSense); the class summary documents the contract, members are self-describing.

namespace ModuleGen.Line.Runtime;

/// <summary>The argument checks generated methods run before sending anything.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class LineArgument
{
    /// <summary>Throws <see cref="ArgumentNullException"/> when a required argument is null.</summary>
    public static void NotNull<T>(T? value, string name)
        where T : class
    {
        if (value is null)
        {
            throw new ArgumentNullException(name);
        }
    }

    /// <summary>Throws when a required string argument is null or empty.</summary>
    public static void NotNullOrEmpty(string? value, string name)
    {
        if (value is null)
        {
            throw new ArgumentNullException(name);
        }

        if (value.Length == 0)
        {
            throw new ArgumentException("The value cannot be empty.", name);
        }
    }

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> when an integer is below the spec's minimum.</summary>
    public static void AtLeast(long value, long minimum, string name)
    {
        if (value < minimum)
        {
            throw new ArgumentOutOfRangeException(name, value, $"The value must be at least {minimum}.");
        }
    }

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> when an integer is above the spec's maximum.</summary>
    public static void AtMost(long value, long maximum, string name)
    {
        if (value > maximum)
        {
            throw new ArgumentOutOfRangeException(name, value, $"The value must be at most {maximum}.");
        }
    }

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> when a number is below the spec's minimum.</summary>
    public static void AtLeast(double value, double minimum, string name)
    {
        if (value < minimum)
        {
            throw new ArgumentOutOfRangeException(name, value, $"The value must be at least {minimum}.");
        }
    }

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> when a number is above the spec's maximum.</summary>
    public static void AtMost(double value, double maximum, string name)
    {
        if (value > maximum)
        {
            throw new ArgumentOutOfRangeException(name, value, $"The value must be at most {maximum}.");
        }
    }

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> when a string's length is outside the spec's bounds (a null bound is open).</summary>
    public static void Length(string value, int? minimum, int? maximum, string name)
    {
        if (value.Length < (minimum ?? 0) || value.Length > (maximum ?? int.MaxValue))
        {
            throw new ArgumentOutOfRangeException(name, value.Length, $"The length must be between {minimum ?? 0} and {(maximum is null ? "unbounded" : maximum.ToString())}.");
        }
    }

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> when a list has fewer or more items than the spec allows (a null bound is open).</summary>
    public static void Count<T>(ICollection<T> value, int? minimum, int? maximum, string name)
    {
        if (value.Count < (minimum ?? 0) || value.Count > (maximum ?? int.MaxValue))
        {
            throw new ArgumentOutOfRangeException(name, value.Count, $"The number of items must be between {minimum ?? 0} and {(maximum is null ? "unbounded" : maximum.ToString())}.");
        }
    }

    /// <summary>Throws <see cref="ArgumentException"/> when a string does not match the spec's pattern.</summary>
    public static void Matches(string value, Regex pattern, string name)
    {
        if (!LinePatternMatcher.IsMatch(pattern, value))
        {
            throw new ArgumentException($"The value does not match the pattern {pattern}.", name);
        }
    }

    /// <summary>Throws <see cref="ArgumentException"/> when a string is empty or not one of the values a closed enum allows.</summary>
    public static void OneOf(string value, string[] allowed, string name)
    {
        NotNullOrEmpty(value, name);
        if (Array.IndexOf(allowed, value) < 0)
        {
            throw new ArgumentException($"The value '{value}' is not one of: {string.Join(", ", allowed)}.", name);
        }
    }
}
