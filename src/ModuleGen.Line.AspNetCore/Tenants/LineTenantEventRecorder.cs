using System;
using System.Threading;
using System.Threading.Tasks;
using ModuleGen.Line.Tenants;
using ModuleGen.Line.Webhooks;

namespace ModuleGen.Line.AspNetCore.Tenants;

/// <summary>
/// Turns each stored webhook event into what it tells the tenant registry, before the event's user handler runs:
/// <c>module</c> attached/detached, <c>botSuspended</c>/<c>botResumed</c>, <c>activated</c>/<c>deactivated</c>, and for
/// any other event that the OA is attached and was seen (written at most once per <see cref="SeenResolution"/>).
/// </summary>
internal sealed class LineTenantEventRecorder
{
    /// <summary>How much newer an event must be than the OA's last-seen time to be written: busy OAs cost one write a minute.</summary>
    public static readonly TimeSpan SeenResolution = TimeSpan.FromMinutes(1);

    private readonly ILineTenantRegistry _registry;

    public LineTenantEventRecorder(ILineTenantRegistry registry)
    {
        _registry = registry;
    }

    /// <summary>Records <paramref name="webhookEvent"/> for <paramref name="destination"/> and returns the OA as the registry now has it.</summary>
    public async ValueTask<LineTenant?> RecordAsync(string destination, Event webhookEvent, CancellationToken cancellationToken)
    {
        var occurredAt = DateTimeOffset.FromUnixTimeMilliseconds(webhookEvent.Timestamp);
        if (ChangeOf(destination, webhookEvent, occurredAt) is { } change)
        {
            return await _registry.ApplyAsync(change, cancellationToken).ConfigureAwait(false);
        }

        var current = await _registry.FindAsync(destination, cancellationToken).ConfigureAwait(false);
        return LineTenantTransitions.IsWorthRecordingSeen(current, occurredAt, SeenResolution)
            ? await _registry.ApplyAsync(LineTenantChange.Seen(destination, occurredAt), cancellationToken).ConfigureAwait(false)
            : current;
    }

    private static LineTenantChange? ChangeOf(string destination, Event webhookEvent, DateTimeOffset occurredAt) => webhookEvent switch
    {
        // The module content names the bot too; the envelope's destination is the same OA and is what events are keyed by.
        ModuleEvent { Module: AttachedModuleContent attached } =>
            LineTenantChange.Attached(destination, attached.Scopes, occurredAt),
        ModuleEvent { Module: DetachedModuleContent detached } =>
            LineTenantChange.Detached(destination, detached.Reason.ToString(), occurredAt),
        BotSuspendedEvent => LineTenantChange.Suspended(destination, occurredAt),
        BotResumedEvent => LineTenantChange.Resumed(destination, occurredAt),
        ActivatedEvent => LineTenantChange.Activated(destination, ChatIdOf(webhookEvent.Source), occurredAt),
        DeactivatedEvent => LineTenantChange.Deactivated(destination, ChatIdOf(webhookEvent.Source), occurredAt),
        _ => null,
    };

    private static string? ChatIdOf(Source? source) => source switch
    {
        GroupSource group => group.GroupId,
        RoomSource room => room.RoomId,
        UserSource user => user.UserId,
        _ => null,
    };
}
