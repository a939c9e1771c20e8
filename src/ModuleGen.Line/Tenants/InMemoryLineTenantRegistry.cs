using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace ModuleGen.Line.Tenants;

/// <summary>
/// The tenant registry and attach-state store in process memory, for tests and a single instance that can afford to
/// forget its OAs on restart (the reconciler finds them again, without scopes).
/// </summary>
/// <remarks>Thread-safe: every operation runs under one lock.</remarks>
public sealed class InMemoryLineTenantRegistry : ILineTenantRegistry, ILineAttachStateStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, LineTenant> _tenants = new(StringComparer.Ordinal);
    private readonly Dictionary<string, LinePendingAttach> _attaches = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public ValueTask<LineTenant?> FindAsync(string botId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(botId);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            return ValueTask.FromResult(_tenants.GetValueOrDefault(botId));
        }
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<LineTenant>> ListAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            IReadOnlyList<LineTenant> tenants = _tenants.Values.OrderBy(t => t.BotId, StringComparer.Ordinal).ToList();
            return ValueTask.FromResult(tenants);
        }
    }

    /// <inheritdoc />
    public ValueTask<LineTenant> ApplyAsync(LineTenantChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            var updated = LineTenantTransitions.Apply(_tenants.GetValueOrDefault(change.BotId), change);
            _tenants[change.BotId] = updated;
            return ValueTask.FromResult(updated);
        }
    }

    /// <inheritdoc />
    public ValueTask<bool> RemoveDetachedAsync(string botId, DateTimeOffset detachedBefore, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(botId);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            var expired = _tenants.TryGetValue(botId, out var tenant)
                && tenant.Attachment == LineTenantAttachment.Detached
                && tenant.DetachedAt < detachedBefore;
            return ValueTask.FromResult(expired && _tenants.Remove(botId));
        }
    }

    /// <inheritdoc />
    public ValueTask SaveAttachAsync(LinePendingAttach attempt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            _attaches[attempt.State] = attempt;
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask<LinePendingAttach?> TakeAttachAsync(string state, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            return ValueTask.FromResult(
                _attaches.Remove(state, out var attempt) && attempt.ExpiresAt > now ? attempt : null);
        }
    }

    /// <inheritdoc />
    public ValueTask<int> PurgeExpiredAttachesAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            var expired = _attaches.Values.Where(a => a.ExpiresAt <= now).Select(a => a.State).ToList();
            expired.ForEach(state => _attaches.Remove(state));
            return ValueTask.FromResult(expired.Count);
        }
    }
}
