using System;
using System.ComponentModel;
using System.Data.Common;
using System.Linq;

namespace ModuleGen.Line.Tenants;

/// <summary>
/// How the SQL stores (SQLite, PostgreSQL) lay out a <see cref="LineTenant"/> and a <see cref="LinePendingAttach"/> in a
/// row: one column list, one upsert, one reader, shared so the stores cannot drift. Times are Unix milliseconds;
/// scope lists are space-separated (LINE's own scope syntax), <c>NULL</c> when unknown. Parameters are named with
/// <c>@</c>, which both providers accept.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class LineTenantStoreColumns
{
    /// <summary>The tenant columns, in <see cref="ReadTenant"/>'s order.</summary>
    public const string TenantColumns =
        "bot_id, basic_id, display_name, granted_scopes, is_attached, attached_at, detached_at, detach_reason, "
        + "attachment_changed_at, is_suspended, suspension_changed_at, chat_mode, chat_mode_chat_id, chat_mode_changed_at, last_seen_at";

    /// <summary>Inserts or replaces one tenant row from the parameters <see cref="BindTenant"/> sets.</summary>
    public const string UpsertTenant = $"""
        INSERT INTO line_tenants ({TenantColumns})
        VALUES (@bot_id, @basic_id, @display_name, @granted_scopes, @is_attached, @attached_at, @detached_at, @detach_reason,
                @attachment_changed_at, @is_suspended, @suspension_changed_at, @chat_mode, @chat_mode_chat_id,
                @chat_mode_changed_at, @last_seen_at)
        ON CONFLICT (bot_id) DO UPDATE SET
            basic_id = excluded.basic_id, display_name = excluded.display_name, granted_scopes = excluded.granted_scopes,
            is_attached = excluded.is_attached, attached_at = excluded.attached_at, detached_at = excluded.detached_at,
            detach_reason = excluded.detach_reason, attachment_changed_at = excluded.attachment_changed_at,
            is_suspended = excluded.is_suspended, suspension_changed_at = excluded.suspension_changed_at,
            chat_mode = excluded.chat_mode, chat_mode_chat_id = excluded.chat_mode_chat_id,
            chat_mode_changed_at = excluded.chat_mode_changed_at, last_seen_at = excluded.last_seen_at
        """;

    /// <summary>The attach-attempt columns, in <see cref="ReadAttach"/>'s order.</summary>
    public const string AttachColumns =
        "state, code_verifier, channel_id, redirect_uri, scopes, region, basic_search_id, brand_types, expires_at";

    /// <summary>Inserts one attach attempt from the parameters <see cref="BindAttach"/> sets.</summary>
    public const string InsertAttach = $"""
        INSERT INTO line_attach_attempts ({AttachColumns})
        VALUES (@state, @code_verifier, @channel_id, @redirect_uri, @scopes, @region, @basic_search_id, @brand_types, @expires_at)
        """;

    /// <summary>Sets the parameters of <see cref="UpsertTenant"/>.</summary>
    public static void BindTenant(DbCommand command, LineTenant tenant)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(tenant);
        Add(command, "bot_id", tenant.BotId);
        Add(command, "basic_id", tenant.BasicId);
        Add(command, "display_name", tenant.DisplayName);
        Add(command, "granted_scopes", tenant.GrantedScopes is null ? null : string.Join(' ', tenant.GrantedScopes));
        Add(command, "is_attached", tenant.Attachment == LineTenantAttachment.Attached);
        Add(command, "attached_at", Milliseconds(tenant.AttachedAt));
        Add(command, "detached_at", Milliseconds(tenant.DetachedAt));
        Add(command, "detach_reason", tenant.DetachReason);
        Add(command, "attachment_changed_at", Milliseconds(tenant.AttachmentChangedAt));
        Add(command, "is_suspended", tenant.IsSuspended);
        Add(command, "suspension_changed_at", Milliseconds(tenant.SuspensionChangedAt));
        Add(command, "chat_mode", (int)tenant.ChatMode);
        Add(command, "chat_mode_chat_id", tenant.ChatModeChatId);
        Add(command, "chat_mode_changed_at", Milliseconds(tenant.ChatModeChangedAt));
        Add(command, "last_seen_at", Milliseconds(tenant.LastSeenAt));
    }

    /// <summary>Reads a row selected with <see cref="TenantColumns"/>.</summary>
    public static LineTenant ReadTenant(DbDataReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return new LineTenant
        {
            BotId = reader.GetString(0),
            BasicId = String(reader, 1),
            DisplayName = String(reader, 2),
            GrantedScopes = Words(String(reader, 3)),
            Attachment = reader.GetBoolean(4) ? LineTenantAttachment.Attached : LineTenantAttachment.Detached,
            AttachedAt = Time(reader, 5),
            DetachedAt = Time(reader, 6),
            DetachReason = String(reader, 7),
            AttachmentChangedAt = Time(reader, 8),
            IsSuspended = reader.GetBoolean(9),
            SuspensionChangedAt = Time(reader, 10),
            ChatMode = (LineTenantChatMode)reader.GetInt32(11),
            ChatModeChatId = String(reader, 12),
            ChatModeChangedAt = Time(reader, 13),
            LastSeenAt = Time(reader, 14),
        };
    }

    /// <summary>Sets the parameters of <see cref="InsertAttach"/>.</summary>
    public static void BindAttach(DbCommand command, LinePendingAttach attempt)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(attempt);
        Add(command, "state", attempt.State);
        Add(command, "code_verifier", attempt.CodeVerifier);
        Add(command, "channel_id", attempt.ChannelId);
        Add(command, "redirect_uri", attempt.RedirectUri.AbsoluteUri);
        Add(command, "scopes", string.Join(' ', attempt.Scopes));
        Add(command, "region", attempt.Region);
        Add(command, "basic_search_id", attempt.BasicSearchId);
        Add(command, "brand_types", attempt.BrandTypes is null ? null : string.Join(' ', attempt.BrandTypes));
        Add(command, "expires_at", attempt.ExpiresAt.ToUnixTimeMilliseconds());
    }

    /// <summary>Reads a row selected with <see cref="AttachColumns"/>.</summary>
    public static LinePendingAttach ReadAttach(DbDataReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return new LinePendingAttach
        {
            State = reader.GetString(0),
            CodeVerifier = reader.GetString(1),
            ChannelId = reader.GetString(2),
            RedirectUri = new Uri(reader.GetString(3)),
            Scopes = Words(reader.GetString(4)) ?? [],
            Region = String(reader, 5),
            BasicSearchId = String(reader, 6),
            BrandTypes = Words(String(reader, 7)),
            ExpiresAt = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(8)),
        };
    }

    /// <summary>Adds a parameter named <c>@name</c>; <see langword="null"/> becomes <see cref="DBNull"/>.</summary>
    public static void Add(DbCommand command, string name, object? value)
    {
        ArgumentNullException.ThrowIfNull(command);
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@" + name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }

    /// <summary>A time as Unix milliseconds, or <see langword="null"/>.</summary>
    public static long? Milliseconds(DateTimeOffset? time) => time?.ToUnixTimeMilliseconds();

    private static string? String(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static DateTimeOffset? Time(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(ordinal));

    private static string[]? Words(string? text) =>
        text is null ? null : text.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToArray();
}
