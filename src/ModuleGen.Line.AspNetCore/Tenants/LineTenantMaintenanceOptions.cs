using System;

namespace ModuleGen.Line.AspNetCore.Tenants;

/// <summary>What <see cref="LineTenantMaintenanceService"/> does, and how often.</summary>
public sealed class LineTenantMaintenanceOptions
{
    /// <summary>
    /// How often the registry is reconciled with <c>GET /v2/bot/list</c>, or <see langword="null"/> to reconcile only
    /// on demand (<c>LineTenantReconciler.ReconcileAsync</c>). Default 6 h; the first run is at start.
    /// </summary>
    public TimeSpan? ReconcileInterval { get; set; } = TimeSpan.FromHours(6);

    /// <summary>
    /// How long a detached OA's stored webhook events and registry entry are kept before they are deleted. Default 30
    /// days. An OA attached again before then keeps everything.
    /// </summary>
    public TimeSpan DetachedRetention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How often detached OAs and expired attach attempts are purged. Default 1 h.</summary>
    public TimeSpan PurgeInterval { get; set; } = TimeSpan.FromHours(1);

    internal void Validate()
    {
        if (ReconcileInterval is { } reconcile)
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(reconcile, TimeSpan.Zero, nameof(ReconcileInterval));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(DetachedRetention, TimeSpan.Zero, nameof(DetachedRetention));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(PurgeInterval, TimeSpan.Zero, nameof(PurgeInterval));
    }
}
