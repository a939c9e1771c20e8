using System;
using System.Collections.Generic;

namespace ModuleGen.Line.Tenants;

/// <summary>What the tenant registry knows about one OA the module serves.</summary>
/// <remarks>
/// <para>
/// Immutable snapshot. Each of the three kinds of state (attachment, suspension, chat control) remembers the LINE
/// timestamp of the change that set it, so a change older than that is ignored: LINE may deliver events out of order
/// (<see cref="LineTenantTransitions"/>).
/// </para>
/// <para>
/// <see cref="GrantedScopes"/> is <see langword="null"/> when the scopes are unknown, as for an OA found only through
/// <c>GET /v2/bot/list</c> (which returns no scopes): such an OA is not scope-checked.
/// </para>
/// </remarks>
public sealed record LineTenant
{
    /// <summary>The OA's bot user ID (<c>U…</c>): the webhook <c>destination</c> and the bot-id header value.</summary>
    public required string BotId { get; init; }

    /// <summary>The OA's basic ID (<c>@…</c>), when <c>GET /v2/bot/list</c> reported it.</summary>
    public string? BasicId { get; init; }

    /// <summary>The OA's display name, when <c>GET /v2/bot/list</c> reported it.</summary>
    public string? DisplayName { get; init; }

    /// <summary>The scopes the OA admin granted, or <see langword="null"/> when unknown (not checked).</summary>
    public IReadOnlyList<string>? GrantedScopes { get; init; }

    /// <summary>Attached or detached.</summary>
    public LineTenantAttachment Attachment { get; init; }

    /// <summary>When the module was last attached (LINE's event time, or when the attach call returned).</summary>
    public DateTimeOffset? AttachedAt { get; init; }

    /// <summary>When the module was last detached.</summary>
    public DateTimeOffset? DetachedAt { get; init; }

    /// <summary>Why it was detached (<c>bot_deleted</c>, or <c>missing from /v2/bot/list</c>), when detached.</summary>
    public string? DetachReason { get; init; }

    /// <summary>The time of the change that set <see cref="Attachment"/>; <see langword="null"/> when only inferred from traffic.</summary>
    public DateTimeOffset? AttachmentChangedAt { get; init; }

    /// <summary>Whether the OA is suspended (<c>botSuspended</c> without a later <c>botResumed</c>).</summary>
    public bool IsSuspended { get; init; }

    /// <summary>The time of the <c>botSuspended</c>/<c>botResumed</c> event that set <see cref="IsSuspended"/>.</summary>
    public DateTimeOffset? SuspensionChangedAt { get; init; }

    /// <summary>The mode after the OA's most recent chat-control event (per OA, not per chat).</summary>
    public LineTenantChatMode ChatMode { get; init; }

    /// <summary>The chat (user, group or room ID) of that event, when it named one.</summary>
    public string? ChatModeChatId { get; init; }

    /// <summary>The time of that event.</summary>
    public DateTimeOffset? ChatModeChangedAt { get; init; }

    /// <summary>The time of the newest event seen for this OA.</summary>
    public DateTimeOffset? LastSeenAt { get; init; }

    /// <summary>Whether calls for this OA may be made: attached and not suspended.</summary>
    public bool IsAvailable => Attachment == LineTenantAttachment.Attached && !IsSuspended;
}
