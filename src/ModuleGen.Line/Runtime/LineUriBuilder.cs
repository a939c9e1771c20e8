using System;
using System.Buffers;
using System.Collections.Generic;
using System.ComponentModel;
using System.Runtime.CompilerServices;

namespace ModuleGen.Line.Runtime;

/// <summary>Builds a request URI from a server, literal path parts, escaped path parameters and query pairs.</summary>
/// <remarks>
/// One per call, so it writes into a pooled buffer and allocates only the final string and <see cref="Uri"/>; a server's
/// base text (its left part without a trailing slash) is computed once per <see cref="Uri"/> instance.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class LineUriBuilder
{
    private static readonly ConditionalWeakTable<Uri, string> ServerBases = new();

    private char[] _buffer;
    private int _length;
    private bool _hasQuery;

    /// <summary>Starts at <paramref name="server"/> (its own path, if any, is kept as a prefix).</summary>
    public LineUriBuilder(Uri server)
    {
        var serverBase = ServerBases.GetValue(server, static s => s.GetLeftPart(UriPartial.Path).TrimEnd('/'));
        _buffer = ArrayPool<char>.Shared.Rent(Math.Max(256, serverBase.Length * 2));
        Append(serverBase);
    }

    /// <summary>Appends a literal part of the path template.</summary>
    public void AppendPath(string literal) => Append(literal);

    /// <summary>Appends a path parameter, escaped so that it stays one segment.</summary>
    public void AppendPathParameter(string value) => AppendEscaped(value);

    /// <summary>Appends <c>name=value</c> unless <paramref name="value"/> is null.</summary>
    public void AppendQuery(string name, string? value)
    {
        if (value is null)
        {
            return;
        }

        Append(_hasQuery ? "&" : "?");
        _hasQuery = true;
        AppendEscaped(name);
        Append("=");
        AppendEscaped(value);
    }

    /// <summary>Appends one <c>name=value</c> pair per value.</summary>
    public void AppendQueryValues<T>(string name, IEnumerable<T>? values, Func<T, string> format)
    {
        if (values is null)
        {
            return;
        }

        foreach (var value in values)
        {
            AppendQuery(name, format(value));
        }
    }

    /// <summary>The absolute URI. The builder gives its buffer back to the pool: call this once, last.</summary>
    public Uri ToUri()
    {
        var text = new string(_buffer, 0, _length);
        ArrayPool<char>.Shared.Return(_buffer);
        _buffer = [];
        _length = 0;
        return new Uri(text, UriKind.Absolute);
    }

    private void AppendEscaped(string value)
    {
        // Uri.TryEscapeDataString writes straight into the buffer; only a value that does not fit grows it first.
        int written;
        while (!Uri.TryEscapeDataString(value, _buffer.AsSpan(_length), out written))
        {
            Grow(value.Length * 3);
        }

        _length += written;
    }

    private void Append(string text)
    {
        if (_buffer.Length - _length < text.Length)
        {
            Grow(text.Length);
        }

        text.CopyTo(_buffer.AsSpan(_length));
        _length += text.Length;
    }

    private void Grow(int needed)
    {
        var larger = ArrayPool<char>.Shared.Rent(Math.Max(_buffer.Length * 2, _length + needed));
        _buffer.AsSpan(0, _length).CopyTo(larger);
        if (_buffer.Length > 0)
        {
            ArrayPool<char>.Shared.Return(_buffer);
        }

        _buffer = larger;
    }
}
