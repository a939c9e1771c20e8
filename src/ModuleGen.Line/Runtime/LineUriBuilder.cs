using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Text;

namespace ModuleGen.Line.Runtime;

/// <summary>Builds a request URI from a server, literal path parts, escaped path parameters and query pairs.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class LineUriBuilder
{
    private readonly StringBuilder _path;
    private StringBuilder? _query;

    /// <summary>Starts at <paramref name="server"/> (its own path, if any, is kept as a prefix).</summary>
    public LineUriBuilder(Uri server)
    {
        _path = new StringBuilder(server.GetLeftPart(UriPartial.Path).TrimEnd('/'));
    }

    /// <summary>Appends a literal part of the path template.</summary>
    public void AppendPath(string literal) => _path.Append(literal);

    /// <summary>Appends a path parameter, escaped so that it stays one segment.</summary>
    public void AppendPathParameter(string value) => _path.Append(Uri.EscapeDataString(value));

    /// <summary>Appends <c>name=value</c> unless <paramref name="value"/> is null.</summary>
    public void AppendQuery(string name, string? value)
    {
        if (value is null)
        {
            return;
        }

        _query = _query is null ? new StringBuilder("?") : _query.Append('&');
        _query.Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
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

    /// <summary>The absolute URI.</summary>
    public Uri ToUri() => new(_query is null ? _path.ToString() : _path.ToString() + _query, UriKind.Absolute);
}
