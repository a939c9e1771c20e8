using Microsoft.CodeAnalysis;
using ModuleGen.Generator.Helpers;

namespace ModuleGen.Generator.Model;

/// <summary>A spec problem, kept as plain data so it can cross pipeline steps; turned into a Diagnostic at the end.</summary>
/// <remarks>
/// Immutable, structural equality — adding a member that breaks this breaks incremental caching. The descriptor is one
/// of the static <see cref="Diagnostics.DiagnosticDescriptors"/>: it compares by value and holds no compilation.
/// </remarks>
public sealed record DiagnosticInfo(DiagnosticDescriptor Descriptor, ImmutableEquatableArray<string> MessageArgs, LocationInfo? Location);

/// <summary>A place in a spec file: path, character offsets and zero-based line/column span.</summary>
/// <remarks>Immutable, structural equality — adding a member that breaks this breaks incremental caching.</remarks>
public sealed record LocationInfo(
    string FilePath,
    int StartOffset,
    int EndOffset,
    int StartLine,
    int StartColumn,
    int EndLine,
    int EndColumn);
