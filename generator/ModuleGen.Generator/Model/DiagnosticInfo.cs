using Microsoft.CodeAnalysis;
using ModuleGen.Generator.Helpers;

namespace ModuleGen.Generator.Model;

/// <summary>A spec problem, kept as plain data so it can cross pipeline steps; turned into a Diagnostic at the end.</summary>
/// <remarks>
/// Immutable, structural equality — adding a member that breaks this breaks incremental caching. The descriptor is one
/// of the static <see cref="Diagnostics.DiagnosticDescriptors"/>: it compares by value and holds no compilation.
/// </remarks>
internal sealed record DiagnosticInfo(DiagnosticDescriptor Descriptor, ImmutableEquatableArray<string> MessageArgs, LocationInfo? Location);
