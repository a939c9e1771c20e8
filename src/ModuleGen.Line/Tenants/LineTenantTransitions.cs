using System;

namespace ModuleGen.Line.Tenants;

/// <summary>
/// The one rule for how a <see cref="LineTenantChange"/> changes a <see cref="LineTenant"/>; every registry store calls
/// it inside its own atomic read-modify-write, so the stores cannot disagree.
/// </summary>
/// <remarks>
/// LINE may deliver events out of order, so each kind of state (attachment, suspension, chat mode) keeps the time of
/// the change that set it, and a change that is not newer than that is ignored: a <c>detached</c> from 10:00 that
/// arrives after an <c>attached</c> from 10:05 leaves the OA attached. A change whose time is unknown (an OA only seen
/// through its traffic) never overrides one whose time is known. Profile data (<see cref="LineTenantChangeKind.Listed"/>)
/// and <see cref="LineTenant.LastSeenAt"/> (the newest event time; a list walk is not an event) are "latest known",
/// not ordered states.
/// </remarks>
public static class LineTenantTransitions
{
    /// <summary>The reason recorded when <c>GET /v2/bot/list</c> no longer lists an OA the registry had as attached.</summary>
    public const string NotListedReason = "not listed by GET /v2/bot/list";

    /// <summary>Applies <paramref name="change"/> to <paramref name="current"/> (null: the OA is not in the registry yet).</summary>
    public static LineTenant Apply(LineTenant? current, LineTenantChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (current is not null && !string.Equals(current.BotId, change.BotId, StringComparison.Ordinal))
        {
            throw new ArgumentException($"The change is for {change.BotId}, not {current.BotId}.", nameof(change));
        }

        var tenant = current ?? new LineTenant { BotId = change.BotId, Attachment = LineTenantAttachment.Attached };
        if (change.Kind != LineTenantChangeKind.Listed)
        {
            tenant = Seen(tenant, change.OccurredAt);
        }

        return change.Kind switch
        {
            LineTenantChangeKind.Attached when IsNewer(change.OccurredAt, tenant.AttachmentChangedAt) => tenant with
            {
                Attachment = LineTenantAttachment.Attached,
                AttachedAt = change.OccurredAt,
                AttachmentChangedAt = change.OccurredAt,
                DetachReason = null,
                GrantedScopes = change.Scopes ?? tenant.GrantedScopes,
            },
            LineTenantChangeKind.Detached when IsNewer(change.OccurredAt, tenant.AttachmentChangedAt) => tenant with
            {
                Attachment = LineTenantAttachment.Detached,
                DetachedAt = change.OccurredAt,
                AttachmentChangedAt = change.OccurredAt,
                DetachReason = change.Reason,
            },
            LineTenantChangeKind.Suspended or LineTenantChangeKind.Resumed
                when IsNewer(change.OccurredAt, tenant.SuspensionChangedAt) => tenant with
            {
                IsSuspended = change.Kind == LineTenantChangeKind.Suspended,
                SuspensionChangedAt = change.OccurredAt,
            },
            LineTenantChangeKind.Activated or LineTenantChangeKind.Deactivated
                when IsNewer(change.OccurredAt, tenant.ChatModeChangedAt) => tenant with
            {
                ChatMode = change.Kind == LineTenantChangeKind.Activated ? LineTenantChatMode.Active : LineTenantChatMode.Standby,
                ChatModeChatId = change.ChatId,
                ChatModeChangedAt = change.OccurredAt,
            },
            LineTenantChangeKind.Listed => Listed(tenant, change),
            _ => tenant,
        };
    }

    /// <summary>
    /// Whether an event stored for the OA should still refresh <see cref="LineTenant.LastSeenAt"/>: only when it is at
    /// least <paramref name="resolution"/> newer, so busy OAs do not cost a registry write per event.
    /// </summary>
    public static bool IsWorthRecordingSeen(LineTenant? current, DateTimeOffset seenAt, TimeSpan resolution) =>
        current?.LastSeenAt is not { } lastSeen || seenAt - lastSeen >= resolution;

    private static LineTenant Listed(LineTenant tenant, LineTenantChange change)
    {
        // A list walk that began after the last attach/detach event shows the current attachment; one that began
        // before it is older news.
        var profiled = tenant with
        {
            BasicId = change.BasicId ?? tenant.BasicId,
            DisplayName = change.DisplayName ?? tenant.DisplayName,
        };
        return IsNewer(change.OccurredAt, tenant.AttachmentChangedAt) && tenant.Attachment != LineTenantAttachment.Attached
            ? profiled with
            {
                Attachment = LineTenantAttachment.Attached,
                AttachedAt = change.OccurredAt,
                AttachmentChangedAt = change.OccurredAt,
                DetachReason = null,
            }
            : profiled;
    }

    private static LineTenant Seen(LineTenant tenant, DateTimeOffset occurredAt) =>
        tenant.LastSeenAt is { } lastSeen && lastSeen >= occurredAt ? tenant : tenant with { LastSeenAt = occurredAt };

    private static bool IsNewer(DateTimeOffset occurredAt, DateTimeOffset? changedAt) =>
        changedAt is not { } known || occurredAt > known;
}
