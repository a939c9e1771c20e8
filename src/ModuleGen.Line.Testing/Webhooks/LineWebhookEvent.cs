using System;
using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace ModuleGen.Line.Testing.Webhooks;

/// <summary>
/// One webhook event as LINE sends it, built by <see cref="LineWebhookEvents"/>: active by default, with a fresh reply
/// token where LINE gives one, a ULID-shaped <c>webhookEventId</c> and the current time. Change it fluently before sending.
/// </summary>
public sealed class LineWebhookEvent
{
    private readonly JsonObject json;

    internal LineWebhookEvent(string type, JsonObject? content, bool repliable, JsonObject? source)
    {
        json = new JsonObject { ["type"] = type };
        foreach (var (name, value) in content ?? [])
        {
            json[name] = value?.DeepClone();
        }

        json["webhookEventId"] = NewEventId();
        json["deliveryContext"] = new JsonObject { ["isRedelivery"] = false };
        json["timestamp"] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        if (source is not null)
        {
            json["source"] = source;
        }

        if (repliable)
        {
            json["replyToken"] = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
        }

        json["mode"] = "active";
    }

    /// <summary>The event type, e.g. <c>message</c>.</summary>
    public string Type => json["type"]!.GetValue<string>();

    /// <summary>The reply token, or <see langword="null"/> (standby mode, or an event LINE gives none).</summary>
    public string? ReplyToken => json["replyToken"]?.GetValue<string>();

    /// <summary>The <c>webhookEventId</c>.</summary>
    public string WebhookEventId => json["webhookEventId"]!.GetValue<string>();

    /// <summary>Standby mode: another channel holds chat control, so LINE sends no reply token.</summary>
    public LineWebhookEvent InStandby()
    {
        json["mode"] = "standby";
        json.Remove("replyToken");
        return this;
    }

    /// <summary>Marks the event as a redelivery (<c>deliveryContext.isRedelivery</c>).</summary>
    public LineWebhookEvent Redelivered()
    {
        json["deliveryContext"] = new JsonObject { ["isRedelivery"] = true };
        return this;
    }

    /// <summary>From a one-to-one chat with <paramref name="userId"/> (a module sees <c>L…</c> user IDs).</summary>
    public LineWebhookEvent FromUser(string userId) => WithSource(new JsonObject { ["type"] = "user", ["userId"] = userId });

    /// <summary>From a group chat, by <paramref name="userId"/> when given.</summary>
    public LineWebhookEvent InGroup(string groupId, string? userId = null) => WithSource(Chat("group", "groupId", groupId, userId));

    /// <summary>From a multi-person chat (room), by <paramref name="userId"/> when given.</summary>
    public LineWebhookEvent InRoom(string roomId, string? userId = null) => WithSource(Chat("room", "roomId", roomId, userId));

    /// <summary>Sets any property of the event, for shapes the builders do not cover (a new event field, an odd value).</summary>
    public LineWebhookEvent With(string property, JsonNode? value)
    {
        ArgumentException.ThrowIfNullOrEmpty(property);
        json[property] = value?.DeepClone();
        return this;
    }

    /// <summary>The event's JSON (a copy).</summary>
    public JsonObject ToJson() => (JsonObject)json.DeepClone();

    /// <inheritdoc/>
    public override string ToString() => json.ToJsonString();

    private LineWebhookEvent WithSource(JsonObject source)
    {
        json["source"] = source;
        return this;
    }

    private static JsonObject Chat(string type, string idName, string id, string? userId)
    {
        var source = new JsonObject { ["type"] = type, [idName] = id };
        if (userId is not null)
        {
            source["userId"] = userId;
        }

        return source;
    }

    /// <summary>26 characters of Crockford base32, the shape of LINE's ULID event IDs.</summary>
    private static string NewEventId()
    {
        const string alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
        var bytes = RandomNumberGenerator.GetBytes(26);
        var chars = new char[26];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = alphabet[bytes[i] % alphabet.Length];
        }

        return new string(chars);
    }
}
