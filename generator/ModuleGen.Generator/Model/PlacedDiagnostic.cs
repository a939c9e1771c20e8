namespace ModuleGen.Generator.Model;

/// <summary>
/// A problem found while resolving schemas, with the position of its node in its file (pre-order, keys included; -1
/// for a place that is no node), so that it can be reported at the current location of that node.
/// </summary>
/// <remarks>
/// Immutable, structural equality — adding a member that breaks this breaks incremental caching. The schema step stays
/// cached while an operation's summary is edited, which moves the characters after it; the node's position does not move.
/// </remarks>
internal sealed record PlacedDiagnostic(DiagnosticInfo Info, int NodeOrdinal);
