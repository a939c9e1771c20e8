using System;
using System.Threading;
using System.Threading.Tasks;

namespace ModuleGen.Line.Tenants;

/// <summary>
/// Where <see cref="LineAttachFlow"/> keeps attach attempts between the redirect and the callback. The tenant registry
/// stores implement it in the same database, so any instance can finish an attempt another one began.
/// </summary>
public interface ILineAttachStateStore
{
    /// <summary>Stores an attempt under its state.</summary>
    ValueTask SaveAttachAsync(LinePendingAttach attempt, CancellationToken cancellationToken);

    /// <summary>
    /// Removes and returns the attempt stored under <paramref name="state"/> if it has not expired at
    /// <paramref name="now"/>; <see langword="null"/> otherwise. Atomic: of two callbacks with the same state, one gets it.
    /// </summary>
    ValueTask<LinePendingAttach?> TakeAttachAsync(string state, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Deletes attempts that expired before <paramref name="now"/>; returns how many.</summary>
    ValueTask<int> PurgeExpiredAttachesAsync(DateTimeOffset now, CancellationToken cancellationToken);
}
