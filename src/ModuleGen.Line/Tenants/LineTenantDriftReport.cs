using System;
using System.Collections.Generic;

namespace ModuleGen.Line.Tenants;

/// <summary>What one walk of <c>GET /v2/bot/list</c> found that the registry did not already say.</summary>
/// <param name="ObservedAt">When the walk began: the time its findings were applied with.</param>
/// <param name="ListedCount">How many OAs LINE listed.</param>
/// <param name="NewlyAttached">Listed OAs the registry did not know, or had as detached: now attached (scopes unknown
/// for the ones it did not know).</param>
/// <param name="NoLongerListed">OAs the registry had as attached that LINE no longer lists: now detached.</param>
public sealed record LineTenantDriftReport(
    DateTimeOffset ObservedAt,
    int ListedCount,
    IReadOnlyList<string> NewlyAttached,
    IReadOnlyList<string> NoLongerListed)
{
    /// <summary>Whether the registry and LINE disagreed.</summary>
    public bool HasDrift => NewlyAttached.Count > 0 || NoLongerListed.Count > 0;
}
