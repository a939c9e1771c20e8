using System;
using System.Text;

namespace ModuleGen.Generator.Helpers;

/// <summary>An indent-aware writer of C# source; every line it writes carries the current indentation.</summary>
internal sealed class SourceWriter
{
    private const int IndentSize = 4;
    private readonly StringBuilder _builder = new();
    private int _indentation;

    public int Indentation
    {
        get => _indentation;
        set
        {
            if (value < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(value));
            }

            _indentation = value;
        }
    }

    public void WriteLine(string text)
    {
        if (text.Length == 0)
        {
            _builder.Append('\n');
            return;
        }

        foreach (var line in text.Split('\n'))
        {
            if (line.Length > 0)
            {
                _builder.Append(' ', _indentation * IndentSize);
                _builder.Append(line.TrimEnd('\r'));
            }

            _builder.Append('\n');
        }
    }

    public void WriteLine() => _builder.Append('\n');

    /// <summary>Writes <c>{</c>, indents, and returns a scope whose disposal writes the closing brace.</summary>
    public Block Braces(string? closingSuffix = null)
    {
        WriteLine("{");
        _indentation++;
        return new Block(this, "}" + closingSuffix);
    }

    public override string ToString() => _builder.ToString();

    public readonly struct Block : IDisposable
    {
        private readonly SourceWriter _writer;
        private readonly string _closing;

        internal Block(SourceWriter writer, string closing)
        {
            _writer = writer;
            _closing = closing;
        }

        public void Dispose()
        {
            _writer._indentation--;
            _writer.WriteLine(_closing);
        }
    }
}
