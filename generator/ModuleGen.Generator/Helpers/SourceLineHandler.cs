using System;
using System.Runtime.CompilerServices;

namespace ModuleGen.Generator.Helpers;

/// <summary>
/// Writes an interpolated line (<c>writer.WriteLine($"…")</c>) straight into the <see cref="SourceWriter"/>'s buffer:
/// no string is built for the line and copied again. Generated files are megabytes of such lines, and building each
/// one as a string first was half of what emitting allocated.
/// </summary>
/// <remarks>
/// The indentation is written first, then each part as it comes. A line whose parts hold a line break (or that ends in
/// <c>\r</c>) is rare (multi-line documentation); it is taken back out of the buffer and written by
/// <see cref="SourceWriter.WriteLine(string)"/>'s own rules, so both overloads write the same text.
/// </remarks>
[InterpolatedStringHandler]
internal ref struct SourceLineHandler
{
    private readonly SourceWriter _writer;
    private readonly int _lineStart;
    private readonly int _textStart;
    private bool _needsLineRules;
    private bool _endsWithReturn;

    public SourceLineHandler(int literalLength, int formattedCount, SourceWriter writer)
    {
        _ = literalLength;
        _ = formattedCount;
        _writer = writer;
        _lineStart = writer.Buffer.Length;
        writer.Buffer.Append(' ', writer.Indentation * SourceWriter.IndentSize);
        _textStart = writer.Buffer.Length;
        _needsLineRules = false;
        _endsWithReturn = false;
    }

    public void AppendLiteral(string value) => Append(value);

    public void AppendFormatted(string? value) => Append(value);

    public void AppendFormatted<T>(T value) => Append(value?.ToString());

    public void AppendFormatted<T>(T value, string? format)
        => Append(value is IFormattable formattable ? formattable.ToString(format, null) : value?.ToString());

    public void AppendFormatted<T>(T value, int alignment) => AppendFormatted(value, alignment, null);

    public void AppendFormatted<T>(T value, int alignment, string? format)
    {
        var text = value is IFormattable formattable ? formattable.ToString(format, null) : value?.ToString() ?? string.Empty;
        Append(alignment < 0 ? text.PadRight(-alignment) : text.PadLeft(alignment));
    }

    /// <summary>Ends the line: a newline, or the line rewritten by the string overload's rules.</summary>
    internal void Complete()
    {
        var buffer = _writer.Buffer;
        var length = buffer.Length - _textStart;
        if (!_needsLineRules && !_endsWithReturn && length > 0)
        {
            buffer.Append('\n');
            return;
        }

        var text = length > 0 ? buffer.ToString(_textStart, length) : string.Empty;
        buffer.Length = _lineStart;
        _writer.WriteLine(text);
    }

    private void Append(string? value)
    {
        if (value is null || value.Length == 0)
        {
            return;
        }

        _needsLineRules |= value.IndexOf('\n') >= 0;
        _endsWithReturn = value[value.Length - 1] == '\r';
        _writer.Buffer.Append(value);
    }
}
