namespace ModuleGen.Generator.Model;

/// <summary>A place in a spec file: path, character offsets and zero-based line/column span.</summary>
/// <remarks>Immutable, structural equality — adding a member that breaks this breaks incremental caching.</remarks>
internal sealed record LocationInfo
{
    /// <summary>The file path.</summary>
    public required string FilePath { get; init; }

    /// <summary>The first character.</summary>
    public required int StartOffset { get; init; }

    /// <summary>The character after the last.</summary>
    public required int EndOffset { get; init; }

    /// <summary>The start line.</summary>
    public required int StartLine { get; init; }

    /// <summary>The start column.</summary>
    public required int StartColumn { get; init; }

    /// <summary>The end line.</summary>
    public required int EndLine { get; init; }

    /// <summary>The end column.</summary>
    public required int EndColumn { get; init; }

    /// <summary>The start of the file at <paramref name="path"/>: where a problem with the whole file is reported.</summary>
    public static LocationInfo StartOf(string path) => new()
    {
        FilePath = path,
        StartOffset = 0,
        EndOffset = 0,
        StartLine = 0,
        StartColumn = 0,
        EndLine = 0,
        EndColumn = 0,
    };
}
