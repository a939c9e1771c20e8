using System;
using System.Runtime.CompilerServices;
using System.Text;

namespace ModuleGen.Generator.Helpers;

/// <summary>An indent-aware writer of C# source; every line it writes carries the current indentation.</summary>
internal sealed class SourceWriter
{
    internal const int IndentSize = 4;

    // The buffer of the last finished writer on this thread, kept for the next one: the generator emits hundreds of files
    // per run, and growing a fresh builder chunk by chunk for each cost more than any other part of emitting. A buffer
    // past the limit is left to the GC rather than held for the compiler's lifetime.
    private const int MaxCachedCapacity = 1024 * 1024;

    [ThreadStatic]
    private static StringBuilder? t_cachedBuilder;

    private StringBuilder? _builder;
    private int _indentation;

    public SourceWriter()
    {
        _builder = t_cachedBuilder ?? new StringBuilder(4096);
        t_cachedBuilder = null;
    }

    private StringBuilder Builder => _builder ?? throw new InvalidOperationException("the writer is finished");

    /// <summary>The buffer, for <see cref="SourceLineHandler"/>.</summary>
    internal StringBuilder Buffer => Builder;

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
        var builder = Builder;
        if (text.Length == 0)
        {
            builder.Append('\n');
            return;
        }

        // Nearly every line is one line: written as it is, without splitting.
        if (text.IndexOf('\n') < 0 && text[text.Length - 1] != '\r')
        {
            builder.Append(' ', _indentation * IndentSize);
            builder.Append(text);
            builder.Append('\n');
            return;
        }

        foreach (var line in text.Split('\n'))
        {
            if (line.Length > 0)
            {
                builder.Append(' ', _indentation * IndentSize);
                builder.Append(line.TrimEnd('\r'));
            }

            builder.Append('\n');
        }
    }

    /// <summary>Writes an interpolated line without building it as a string first; the same text as <see cref="WriteLine(string)"/>.</summary>
    public void WriteLine([InterpolatedStringHandlerArgument("")] ref SourceLineHandler line) => line.Complete();

    public void WriteLine() => Builder.Append('\n');

    /// <summary>Writes <c>{</c>, indents, and returns a scope whose disposal writes the closing brace.</summary>
    public Block Braces(string? closingSuffix = null)
    {
        WriteLine("{");
        _indentation++;
        return new Block(this, "}" + closingSuffix);
    }

    /// <summary>The text written. The writer is finished: its buffer goes back for the next writer on this thread.</summary>
    public string Finish()
    {
        var builder = Builder;
        var text = builder.ToString();
        _builder = null;
        if (builder.Capacity <= MaxCachedCapacity)
        {
            builder.Clear();
            t_cachedBuilder = builder;
        }

        return text;
    }

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
