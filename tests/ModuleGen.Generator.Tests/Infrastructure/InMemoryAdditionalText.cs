using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace ModuleGen.Generator.Tests.Infrastructure;

/// <summary>An AdditionalFiles item that lives in memory: a path and its text.</summary>
internal sealed class InMemoryAdditionalText : AdditionalText
{
    private readonly SourceText? _text;

    /// <param name="path">The item's path.</param>
    /// <param name="text">Its text; <see langword="null"/> for an item whose file does not exist (Roslyn gives no text).</param>
    public InMemoryAdditionalText(string path, string? text)
    {
        Path = path;
        _text = text is null ? null : SourceText.From(text, Encoding.UTF8);
    }

    public override string Path { get; }

    public override SourceText? GetText(CancellationToken cancellationToken = default) => _text;
}
