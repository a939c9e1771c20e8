using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace ModuleGen.Line.Runtime;

/// <summary>
/// A plain character check standing in for a generated <see cref="Regex"/> whose pattern is simple enough — anchored
/// literals and character classes, each with a count — so that <see cref="LineArgument.Matches"/> (run on every
/// <c>ForBot</c> and every constrained argument) does not run the regex interpreter. Any other pattern keeps its regex.
/// </summary>
/// <remarks>
/// Accepts exactly the strings the regex accepts, including the quirk of <c>$</c> without
/// <see cref="RegexOptions.Multiline"/>: it also matches before one final <c>\n</c>. Only the last element may have a
/// variable count, so matching never needs to backtrack.
/// </remarks>
internal sealed class LinePatternMatcher
{
    private static readonly ConditionalWeakTable<Regex, LinePatternMatcher> Matchers = new();

    /// <summary>The matcher of a regex no simple check can replace: it defers to the regex.</summary>
    private static readonly LinePatternMatcher UseRegex = new([]);

    private readonly Element[] _elements;

    private LinePatternMatcher(Element[] elements) => _elements = elements;

    /// <summary>Whether <paramref name="value"/> matches <paramref name="pattern"/>, as <see cref="Regex.IsMatch(string)"/> says.</summary>
    public static bool IsMatch(Regex pattern, string value)
    {
        var matcher = Matchers.GetValue(pattern, static regex => TryParse(regex) ?? UseRegex);
        return ReferenceEquals(matcher, UseRegex) ? pattern.IsMatch(value) : matcher.Matches(value);
    }

    /// <summary>The simple check equivalent to <paramref name="regex"/>, or null when its pattern is not of that form.</summary>
    internal static LinePatternMatcher? TryParse(Regex regex)
    {
        if ((regex.Options & ~(RegexOptions.CultureInvariant | RegexOptions.Compiled)) != 0)
        {
            return null;
        }

        var pattern = regex.ToString();
        if (pattern.Length < 2 || pattern[0] != '^' || pattern[^1] != '$')
        {
            return null;
        }

        var elements = new List<Element>();
        var position = 1;
        while (position < pattern.Length - 1)
        {
            if (elements.Count > 0 && elements[^1].Minimum != elements[^1].Maximum)
            {
                return null;
            }

            if (ReadSet(pattern, ref position) is not { } set || ReadCount(pattern, ref position) is not { } count)
            {
                return null;
            }

            elements.Add(new Element(set, count.Minimum, count.Maximum));
        }

        return elements.Count == 0 ? null : new LinePatternMatcher(elements.ToArray());
    }

    private bool Matches(string value)
    {
        if (MatchesExactly(value.AsSpan()))
        {
            return true;
        }

        return value.Length > 0 && value[^1] == '\n' && MatchesExactly(value.AsSpan(0, value.Length - 1));
    }

    private bool MatchesExactly(ReadOnlySpan<char> value)
    {
        var position = 0;
        foreach (var element in _elements)
        {
            var taken = 0;
            while (taken < element.Maximum && position < value.Length && element.Contains(value[position]))
            {
                taken++;
                position++;
            }

            if (taken < element.Minimum)
            {
                return false;
            }
        }

        return position == value.Length;
    }

    /// <summary>One literal character or one <c>[…]</c> class of literals and ranges, as (low, high) pairs.</summary>
    private static char[]? ReadSet(string pattern, ref int position)
    {
        var c = pattern[position];
        if (c != '[')
        {
            if (IsSpecial(c))
            {
                return null;
            }

            position++;
            return [c, c];
        }

        var ranges = new List<char>();
        position++;
        if (position < pattern.Length && pattern[position] == '^')
        {
            return null;
        }

        while (position < pattern.Length && pattern[position] != ']')
        {
            var low = pattern[position];
            if (low is '\\' or '[')
            {
                return null;
            }

            var high = low;
            if (position + 2 < pattern.Length && pattern[position + 1] == '-' && pattern[position + 2] != ']')
            {
                high = pattern[position + 2];
                if (high is '\\' or '[' || high < low)
                {
                    return null;
                }

                position += 2;
            }

            ranges.Add(low);
            ranges.Add(high);
            position++;
        }

        if (position >= pattern.Length || ranges.Count == 0)
        {
            return null;
        }

        position++;
        return ranges.ToArray();
    }

    /// <summary>The count after an element: none (one), <c>?</c>, <c>*</c>, <c>+</c>, <c>{n}</c> or <c>{n,m}</c> (no lazy or open-ended braces).</summary>
    private static (int Minimum, int Maximum)? ReadCount(string pattern, ref int position)
    {
        var end = pattern.Length - 1;
        if (position >= end)
        {
            return (1, 1);
        }

        (int, int)? count;
        switch (pattern[position])
        {
            case '?':
                count = (0, 1);
                position++;
                break;
            case '*':
                count = (0, int.MaxValue);
                position++;
                break;
            case '+':
                count = (1, int.MaxValue);
                position++;
                break;
            case '{':
                var close = pattern.IndexOf('}', position);
                if (close < 0 || close >= end)
                {
                    return null;
                }

                var text = pattern.AsSpan(position + 1, close - position - 1);
                var comma = text.IndexOf(',');
                var lower = comma < 0 ? text : text[..comma];
                var upper = comma < 0 ? text : text[(comma + 1)..];
                if (!TryReadNumber(lower, out var minimum) || !TryReadNumber(upper, out var maximum) || maximum < minimum)
                {
                    return null;
                }

                count = (minimum, maximum);
                position = close + 1;
                break;
            default:
                return (1, 1);
        }

        return position < end && pattern[position] is '?' or '+' or '*' or '{' ? null : count;
    }

    private static bool TryReadNumber(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        if (text.Length is 0 or > 6)
        {
            return false;
        }

        foreach (var digit in text)
        {
            if (digit is < '0' or > '9')
            {
                return false;
            }

            value = (value * 10) + (digit - '0');
        }

        return true;
    }

    private static bool IsSpecial(char c) => c is '\\' or '^' or '$' or '.' or '|' or '?' or '*' or '+' or '(' or ')' or '[' or ']' or '{' or '}';

    private readonly struct Element(char[] ranges, int minimum, int maximum)
    {
        public int Minimum { get; } = minimum;

        public int Maximum { get; } = maximum;

        public bool Contains(char c)
        {
            for (var i = 0; i < ranges.Length; i += 2)
            {
                if (c >= ranges[i] && c <= ranges[i + 1])
                {
                    return true;
                }
            }

            return false;
        }
    }
}
