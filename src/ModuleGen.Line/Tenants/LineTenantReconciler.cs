using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using ModuleGen.Line.Models;

namespace ModuleGen.Line.Tenants;

/// <summary>
/// Walks <c>GET /v2/bot/list</c> and brings the registry in line with it, reporting the drift: events can be lost
/// (a module down for longer than LINE redelivers) and a registry can be younger than the module's OAs.
/// </summary>
/// <remarks>
/// <para>
/// Findings are applied with the time the walk began, so an attach or detach event newer than that wins
/// (<see cref="LineTenantTransitions"/>). An OA the registry has as attached is marked detached only when it was not
/// listed and its last attach is older than <see cref="NotListedGracePeriod"/>: LINE's list may lag a fresh attach.
/// </para>
/// <para>
/// The list has no scopes: an OA found only through it stays unchecked by the scope guard until it is attached again
/// through the attach flow or its <c>module</c> attached event arrives.
/// </para>
/// Run on demand with <see cref="ReconcileAsync"/>, or on a schedule with the ASP.NET Core package's maintenance service.
/// </remarks>
public class LineTenantReconciler
{
    private readonly LineModuleClient _client;
    private readonly ILineTenantRegistry _registry;
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates a reconciler.</summary>
    public LineTenantReconciler(LineModuleClient client, ILineTenantRegistry registry, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(registry);
        _client = client;
        _registry = registry;
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>How long after its last attach an unlisted OA is still given the benefit of the doubt. Default 10 min.</summary>
    public TimeSpan NotListedGracePeriod { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Walks every page of <c>GET /v2/bot/list</c>, applies what it found and reports the drift.</summary>
    public virtual async Task<LineTenantDriftReport> ReconcileAsync(CancellationToken cancellationToken = default)
    {
        var observedAt = _timeProvider.GetUtcNow();
        var listed = new HashSet<string>(StringComparer.Ordinal);
        var newlyAttached = new List<string>();
        await foreach (var bot in _client.GetAllBotsAsync(cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (!listed.Add(bot.UserId))
            {
                continue;
            }

            var before = await _registry.FindAsync(bot.UserId, cancellationToken).ConfigureAwait(false);
            var after = await _registry
                .ApplyAsync(LineTenantChange.Listed(bot.UserId, bot.BasicId, bot.DisplayName, observedAt), cancellationToken)
                .ConfigureAwait(false);
            if (before is not { Attachment: LineTenantAttachment.Attached } && after.Attachment == LineTenantAttachment.Attached)
            {
                newlyAttached.Add(bot.UserId);
            }
        }

        var noLongerListed = new List<string>();
        foreach (var tenant in await _registry.ListAsync(cancellationToken).ConfigureAwait(false))
        {
            var settled = tenant.AttachmentChangedAt is not { } changedAt || changedAt < observedAt - NotListedGracePeriod;
            if (tenant.Attachment == LineTenantAttachment.Attached && settled && !listed.Contains(tenant.BotId))
            {
                var detached = LineTenantChange.Detached(tenant.BotId, LineTenantTransitions.NotListedReason, observedAt);
                if ((await _registry.ApplyAsync(detached, cancellationToken).ConfigureAwait(false)).Attachment == LineTenantAttachment.Detached)
                {
                    noLongerListed.Add(tenant.BotId);
                }
            }
        }

        return new LineTenantDriftReport(observedAt, listed.Count, newlyAttached, noLongerListed);
    }
}
