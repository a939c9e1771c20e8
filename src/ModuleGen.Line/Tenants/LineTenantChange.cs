using System;
using System.Collections.Generic;

namespace ModuleGen.Line.Tenants;

/// <summary>One fact about an OA, with the LINE time it happened; applied to the registry by <see cref="LineTenantTransitions"/>.</summary>
/// <remarks>Immutable. Build it with the static factories.</remarks>
public sealed record LineTenantChange
{
    private LineTenantChange(LineTenantChangeKind kind, string botId, DateTimeOffset occurredAt)
    {
        ArgumentException.ThrowIfNullOrEmpty(botId);
        Kind = kind;
        BotId = botId;
        OccurredAt = occurredAt;
    }

    /// <summary>What happened.</summary>
    public LineTenantChangeKind Kind { get; }

    /// <summary>The OA.</summary>
    public string BotId { get; }

    /// <summary>When it happened: the event's <c>timestamp</c>, or when the module observed it.</summary>
    public DateTimeOffset OccurredAt { get; }

    /// <summary>The granted scopes of <see cref="LineTenantChangeKind.Attached"/>; <see langword="null"/> when unknown.</summary>
    public IReadOnlyList<string>? Scopes { get; private init; }

    /// <summary>The reason of <see cref="LineTenantChangeKind.Detached"/>.</summary>
    public string? Reason { get; private init; }

    /// <summary>The chat of <see cref="LineTenantChangeKind.Activated"/>/<see cref="LineTenantChangeKind.Deactivated"/>.</summary>
    public string? ChatId { get; private init; }

    /// <summary>The basic ID of <see cref="LineTenantChangeKind.Listed"/>.</summary>
    public string? BasicId { get; private init; }

    /// <summary>The display name of <see cref="LineTenantChangeKind.Listed"/>.</summary>
    public string? DisplayName { get; private init; }

    /// <summary>The module was attached to <paramref name="botId"/> with <paramref name="scopes"/> (null: unknown).</summary>
    public static LineTenantChange Attached(string botId, IEnumerable<string>? scopes, DateTimeOffset occurredAt) =>
        new(LineTenantChangeKind.Attached, botId, occurredAt) { Scopes = scopes is null ? null : [.. scopes] };

    /// <summary>The module was detached from <paramref name="botId"/>.</summary>
    public static LineTenantChange Detached(string botId, string? reason, DateTimeOffset occurredAt) =>
        new(LineTenantChangeKind.Detached, botId, occurredAt) { Reason = reason };

    /// <summary><c>botSuspended</c>.</summary>
    public static LineTenantChange Suspended(string botId, DateTimeOffset occurredAt) =>
        new(LineTenantChangeKind.Suspended, botId, occurredAt);

    /// <summary><c>botResumed</c>.</summary>
    public static LineTenantChange Resumed(string botId, DateTimeOffset occurredAt) =>
        new(LineTenantChangeKind.Resumed, botId, occurredAt);

    /// <summary><c>activated</c> in <paramref name="chatId"/>.</summary>
    public static LineTenantChange Activated(string botId, string? chatId, DateTimeOffset occurredAt) =>
        new(LineTenantChangeKind.Activated, botId, occurredAt) { ChatId = chatId };

    /// <summary><c>deactivated</c> in <paramref name="chatId"/>.</summary>
    public static LineTenantChange Deactivated(string botId, string? chatId, DateTimeOffset occurredAt) =>
        new(LineTenantChangeKind.Deactivated, botId, occurredAt) { ChatId = chatId };

    /// <summary>Some other event arrived for <paramref name="botId"/>.</summary>
    public static LineTenantChange Seen(string botId, DateTimeOffset occurredAt) =>
        new(LineTenantChangeKind.Seen, botId, occurredAt);

    /// <summary><c>GET /v2/bot/list</c> listed <paramref name="botId"/>; <paramref name="observedAt"/> is when the walk began.</summary>
    public static LineTenantChange Listed(string botId, string? basicId, string? displayName, DateTimeOffset observedAt) =>
        new(LineTenantChangeKind.Listed, botId, observedAt) { BasicId = basicId, DisplayName = displayName };
}
