using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace ModuleGen.Line.Tenants;

/// <summary>
/// The OAs the module serves: attached or detached, with their scopes, suspension and chat mode. Kept current without
/// user code by the webhook pipeline (module, suspension and chat-control events, before user handlers run), the
/// attach flow (<see cref="LineAttachFlow"/>) and the reconciler (<see cref="LineTenantReconciler"/>).
/// </summary>
/// <remarks>
/// Implementations: <see cref="InMemoryLineTenantRegistry"/> (tests), the SQLite store (default) and the PostgreSQL
/// store; one contract test suite runs against all three. Implementations must apply every change through
/// <see cref="LineTenantTransitions.Apply"/> in one atomic read-modify-write, be thread-safe, and share state across
/// processes when the store is shared.
/// </remarks>
public interface ILineTenantRegistry
{
    /// <summary>The OA, or <see langword="null"/> when the registry does not know it (it is then never blocked).</summary>
    ValueTask<LineTenant?> FindAsync(string botId, CancellationToken cancellationToken);

    /// <summary>Every OA the registry knows, attached or detached, ordered by bot ID.</summary>
    ValueTask<IReadOnlyList<LineTenant>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Applies one change atomically (<see cref="LineTenantTransitions.Apply"/>) and returns the OA as it now is.</summary>
    ValueTask<LineTenant> ApplyAsync(LineTenantChange change, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes the OA if it is still detached and was detached before <paramref name="detachedBefore"/> (data
    /// lifecycle); returns whether it was deleted. An OA attached again meanwhile is kept.
    /// </summary>
    ValueTask<bool> RemoveDetachedAsync(string botId, DateTimeOffset detachedBefore, CancellationToken cancellationToken);
}
