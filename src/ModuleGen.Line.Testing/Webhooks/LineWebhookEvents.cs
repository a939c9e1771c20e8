using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace ModuleGen.Line.Testing.Webhooks;

/// <summary>
/// Builders for every webhook event type LINE sends a module (<c>spec/webhook.yaml</c>), active by default
/// (<see cref="LineWebhookEvent.InStandby"/> for standby). Chat events come from <see cref="DefaultUserId"/> unless
/// <see cref="LineWebhookEvent.FromUser"/>, <see cref="LineWebhookEvent.InGroup"/> or <see cref="LineWebhookEvent.InRoom"/> says otherwise.
/// </summary>
public static class LineWebhookEvents
{
    /// <summary>The user chat events come from by default: the 68-character <c>L…</c> form a module sees.</summary>
    public const string DefaultUserId = "LU0a1b2c3d4e5f60718293a4b5c6d7e8f90-U0f1e2d3c4b5a69788796a5b4c3d2e1f00";

    /// <summary>A text message (<c>message</c>, content <c>text</c>).</summary>
    public static LineWebhookEvent TextMessage(string text) =>
        Message(new JsonObject { ["type"] = "text", ["quoteToken"] = Token(), ["text"] = text });

    /// <summary>An image message whose content LINE holds (<c>contentProvider.type = line</c>).</summary>
    public static LineWebhookEvent ImageMessage() =>
        Message(new JsonObject { ["type"] = "image", ["quoteToken"] = Token(), ["contentProvider"] = LineContent() });

    /// <summary>A video message whose content LINE holds.</summary>
    public static LineWebhookEvent VideoMessage(int durationMilliseconds = 1000) =>
        Message(new JsonObject { ["type"] = "video", ["quoteToken"] = Token(), ["duration"] = durationMilliseconds, ["contentProvider"] = LineContent() });

    /// <summary>An audio message whose content LINE holds.</summary>
    public static LineWebhookEvent AudioMessage(int durationMilliseconds = 1000) =>
        Message(new JsonObject { ["type"] = "audio", ["duration"] = durationMilliseconds, ["contentProvider"] = LineContent() });

    /// <summary>A file message.</summary>
    public static LineWebhookEvent FileMessage(string fileName, long fileSize) =>
        Message(new JsonObject { ["type"] = "file", ["fileName"] = fileName, ["fileSize"] = fileSize });

    /// <summary>A location message.</summary>
    public static LineWebhookEvent LocationMessage(string title, string address, double latitude, double longitude) =>
        Message(new JsonObject { ["type"] = "location", ["title"] = title, ["address"] = address, ["latitude"] = latitude, ["longitude"] = longitude });

    /// <summary>A sticker message.</summary>
    public static LineWebhookEvent StickerMessage(string packageId, string stickerId, string stickerResourceType = "STATIC") =>
        Message(new JsonObject
        {
            ["type"] = "sticker",
            ["quoteToken"] = Token(),
            ["packageId"] = packageId,
            ["stickerId"] = stickerId,
            ["stickerResourceType"] = stickerResourceType,
        });

    /// <summary>A user edited a text message in a group (<c>messageEdited</c>).</summary>
    public static LineWebhookEvent MessageEdited(string text, string groupId = "C0a1b2c3d4e5f60718293a4b5c6d7e8f9") =>
        new LineWebhookEvent("messageEdited", new JsonObject { ["message"] = new JsonObject { ["type"] = "text", ["id"] = MessageId(), ["quoteToken"] = Token(), ["text"] = text } }, repliable: true, UserSource())
            .InGroup(groupId, DefaultUserId);

    /// <summary>A user added the OA as a friend (or unblocked it).</summary>
    public static LineWebhookEvent Follow(bool isUnblocked = false) =>
        new("follow", new JsonObject { ["follow"] = new JsonObject { ["isUnblocked"] = isUnblocked } }, repliable: true, UserSource());

    /// <summary>A user blocked the OA.</summary>
    public static LineWebhookEvent Unfollow() => new("unfollow", null, repliable: false, UserSource());

    /// <summary>The OA joined a group.</summary>
    public static LineWebhookEvent Join(string groupId) => new LineWebhookEvent("join", null, repliable: true, null).InGroup(groupId);

    /// <summary>The OA left (was removed from) a group.</summary>
    public static LineWebhookEvent Leave(string groupId) => new LineWebhookEvent("leave", null, repliable: false, null).InGroup(groupId);

    /// <summary>Users joined a group the OA is in.</summary>
    public static LineWebhookEvent MemberJoined(string groupId, params string[] userIds) =>
        new LineWebhookEvent("memberJoined", new JsonObject { ["joined"] = Members(userIds) }, repliable: true, null).InGroup(groupId);

    /// <summary>Users left a group the OA is in.</summary>
    public static LineWebhookEvent MemberLeft(string groupId, params string[] userIds) =>
        new LineWebhookEvent("memberLeft", new JsonObject { ["left"] = Members(userIds) }, repliable: false, null).InGroup(groupId);

    /// <summary>A user tapped a postback action.</summary>
    public static LineWebhookEvent Postback(string data) =>
        new("postback", new JsonObject { ["postback"] = new JsonObject { ["data"] = data } }, repliable: true, UserSource());

    /// <summary>A user watched a video message with a tracking ID to the end.</summary>
    public static LineWebhookEvent VideoPlayComplete(string trackingId) =>
        new("videoPlayComplete", new JsonObject { ["videoPlayComplete"] = new JsonObject { ["trackingId"] = trackingId } }, repliable: true, UserSource());

    /// <summary>A user's phone saw a LINE Beacon (<paramref name="type"/>: enter, banner or stay).</summary>
    public static LineWebhookEvent Beacon(string hardwareId, string type = "enter") =>
        new("beacon", new JsonObject { ["beacon"] = new JsonObject { ["hwid"] = hardwareId, ["type"] = type } }, repliable: true, UserSource());

    /// <summary>A user linked (or failed to link) their LINE account with the provider's.</summary>
    public static LineWebhookEvent AccountLink(string nonce, bool succeeded = true) =>
        new("accountLink", new JsonObject { ["link"] = new JsonObject { ["result"] = succeeded ? "ok" : "failed", ["nonce"] = nonce } }, repliable: succeeded, succeeded ? UserSource() : null);

    /// <summary>A user joined, left or renewed a membership (<paramref name="type"/>: joined, left or renewed).</summary>
    public static LineWebhookEvent Membership(int membershipId, string type = "joined") =>
        new("membership", new JsonObject { ["membership"] = new JsonObject { ["type"] = type, ["membershipId"] = membershipId } }, repliable: true, UserSource());

    /// <summary>A user unsent a message.</summary>
    public static LineWebhookEvent Unsend(string messageId) =>
        new("unsend", new JsonObject { ["unsend"] = new JsonObject { ["messageId"] = messageId } }, repliable: false, UserSource());

    /// <summary>The module was attached to an OA (<c>module</c>, content <c>attached</c>); module events are always active.</summary>
    public static LineWebhookEvent Attached(string botId, IEnumerable<string> scopes) =>
        new("module", new JsonObject
        {
            ["module"] = new JsonObject { ["type"] = "attached", ["botId"] = botId, ["scopes"] = new JsonArray(scopes.Select(scope => (JsonNode)scope).ToArray()) },
        }, repliable: false, null);

    /// <summary>The module was detached from an OA (<c>module</c>, content <c>detached</c>).</summary>
    public static LineWebhookEvent Detached(string botId, string reason = "bot_deleted") =>
        new("module", new JsonObject { ["module"] = new JsonObject { ["type"] = "detached", ["botId"] = botId, ["reason"] = reason } }, repliable: false, null);

    /// <summary>The module became the active channel of a chat until <paramref name="expireAt"/>.</summary>
    public static LineWebhookEvent Activated(DateTimeOffset expireAt) =>
        new("activated", new JsonObject { ["chatControl"] = new JsonObject { ["expireAt"] = expireAt.ToUnixTimeMilliseconds() } }, repliable: false, UserSource());

    /// <summary>The module stopped being the active channel of a chat.</summary>
    public static LineWebhookEvent Deactivated() => new("deactivated", null, repliable: false, UserSource());

    /// <summary>The OA was suspended.</summary>
    public static LineWebhookEvent BotSuspended() => new("botSuspended", null, repliable: false, null);

    /// <summary>The OA was resumed after a suspension.</summary>
    public static LineWebhookEvent BotResumed() => new("botResumed", null, repliable: false, null);

    /// <summary>A LINE notification message (PNP) was delivered (<c>delivery</c>).</summary>
    public static LineWebhookEvent Delivery(string data) =>
        new("delivery", new JsonObject { ["delivery"] = new JsonObject { ["data"] = data } }, repliable: false, null);

    private static LineWebhookEvent Message(JsonObject content)
    {
        content["id"] = MessageId();
        return new LineWebhookEvent("message", new JsonObject { ["message"] = content }, repliable: true, UserSource());
    }

    private static JsonObject UserSource() => new() { ["type"] = "user", ["userId"] = DefaultUserId };

    private static JsonObject LineContent() => new() { ["type"] = "line" };

    private static JsonObject Members(string[] userIds) =>
        new() { ["members"] = new JsonArray(userIds.Select(id => (JsonNode)new JsonObject { ["type"] = "user", ["userId"] = id }).ToArray()) };

    private static string MessageId() =>
        (RandomNumberGenerator.GetInt32(1, int.MaxValue) + 580000000000000000L).ToString(CultureInfo.InvariantCulture);

    private static string Token() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(36)).Replace('+', '-').Replace('/', '_');
}
