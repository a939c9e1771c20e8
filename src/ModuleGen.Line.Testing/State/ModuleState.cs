using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using ModuleGen.Line.Testing.Hosting;

namespace ModuleGen.Line.Testing.State;

/// <summary>
/// What LINE remembers about a module: the OAs it is attached to (attach by code exchange, list in pages, detach),
/// authorization codes waiting for their exchange, and who holds chat control in each chat.
/// </summary>
internal sealed class ModuleState(LineFakePlatformOptions options)
{
    private const string PagePrefix = "page-";

    private readonly object gate = new();
    private readonly List<LineFakeBot> bots = [];
    private readonly Dictionary<string, PendingAttach> codes = new(StringComparer.Ordinal);
    private readonly Dictionary<(string BotId, string ChatId), ChatControl> chats = [];

    public IReadOnlyList<LineFakeBot> Bots
    {
        get
        {
            lock (gate)
            {
                return bots.ToArray();
            }
        }
    }

    public bool IsAttached(string botId)
    {
        lock (gate)
        {
            return bots.Exists(bot => bot.BotId == botId);
        }
    }

    public LineFakeBot Attach(string? botId, IEnumerable<string>? scopes, string? displayName)
    {
        lock (gate)
        {
            var number = bots.Count + 1;
            var bot = new LineFakeBot(
                botId ?? NewBotId(),
                "@" + (100000 + number).ToString(CultureInfo.InvariantCulture),
                displayName ?? "OA " + number.ToString(CultureInfo.InvariantCulture),
                (scopes ?? options.DefaultScopes).ToArray());
            if (!LineIds.IsBotId(bot.BotId))
            {
                throw new ArgumentException($"'{bot.BotId}' is not a bot user ID (U followed by 32 lower-case hex digits).", nameof(botId));
            }

            bots.RemoveAll(existing => existing.BotId == bot.BotId);
            bots.Add(bot);
            return bot;
        }
    }

    /// <summary>The OA admin approves the authorize URL: a single-use code for <paramref name="botId"/> goes back to the module.</summary>
    public Uri Approve(Uri authorizeUrl, string? botId, IEnumerable<string>? scopes)
    {
        var query = LineRecordedRequest.ParseQuery(authorizeUrl.Query.TrimStart('?'));
        string Required(string name) =>
            query.TryGetValue(name, out var values) && values.Count == 1 && values[0].Length > 0
                ? values[0]
                : throw new ArgumentException($"The authorize URL has no '{name}' parameter: {authorizeUrl}", nameof(authorizeUrl));
        string? Optional(string name) => query.TryGetValue(name, out var values) ? values[0] : null;

        if (Required("response_type") != "code")
        {
            throw new ArgumentException("The authorize URL must ask for response_type=code.", nameof(authorizeUrl));
        }

        if (Required("client_id") != options.ChannelId)
        {
            throw new ArgumentException($"The authorize URL names client_id {Required("client_id")}, not the module channel {options.ChannelId}.", nameof(authorizeUrl));
        }

        var redirectUri = Required("redirect_uri");
        var granted = scopes?.ToArray() ?? Required("scope").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var code = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
        lock (gate)
        {
            codes[code] = new PendingAttach(botId ?? NewBotId(), granted, redirectUri, Optional("code_challenge"), Optional("code_challenge_method"));
        }

        var state = Uri.EscapeDataString(Required("state"));
        var separator = redirectUri.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        return new Uri($"{redirectUri}{separator}code={code}&state={state}");
    }

    /// <summary>POST /module/auth/v1/token: the code, the redirect URI, the PKCE verifier and the channel credentials.</summary>
    public FakeAnswer ExchangeCode(LineRecordedRequest request)
    {
        var form = LineRecordedRequest.ParseQuery(request.Body, plusIsSpace: true);
        string? Field(string name) => form.TryGetValue(name, out var values) ? values[0] : null;
        if (!HasModuleCredentials(request, Field("client_id"), Field("client_secret")))
        {
            return LineErrors.Answer(401, "Authentication failed due to the following reason: the module channel ID or secret is wrong");
        }

        lock (gate)
        {
            if (Field("code") is not { } code || !codes.TryGetValue(code, out var pending))
            {
                return LineErrors.Answer(400, "The authorization code is invalid, expired or already used");
            }

            if (Field("redirect_uri") != pending.RedirectUri)
            {
                return LineErrors.Answer(400, "The redirect_uri differs from the one in the authorize URL");
            }

            if (pending.CodeChallenge is { } challenge && !VerifierMatches(Field("code_verifier"), challenge, pending.CodeChallengeMethod))
            {
                return LineErrors.Answer(400, "The code_verifier does not match the code_challenge");
            }

            codes.Remove(code);
            var bot = Attach(pending.BotId, pending.Scopes, displayName: null);
            return FakeAnswer.Json(200, new JsonObject
            {
                ["bot_id"] = bot.BotId,
                ["scopes"] = new JsonArray(bot.Scopes.Select(scope => (JsonNode)scope).ToArray()),
            });
        }
    }

    /// <summary>GET /v2/bot/list: a page of <c>limit</c> bots from <c>start</c>, with <c>next</c> while more remain.</summary>
    public FakeAnswer ListBots(LineRecordedRequest request)
    {
        var limit = request.Query.TryGetValue("limit", out var limits) ? int.Parse(limits[0], CultureInfo.InvariantCulture) : 100;
        var offset = 0;
        if (request.Query.TryGetValue("start", out var starts)
            && !(starts[0].StartsWith(PagePrefix, StringComparison.Ordinal)
                 && int.TryParse(starts[0].AsSpan(PagePrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out offset)))
        {
            return LineErrors.Answer(400, LineErrors.InvalidStart);
        }

        var all = Bots;
        var page = new JsonArray();
        foreach (var bot in all.Skip(offset).Take(limit))
        {
            page.Add(new JsonObject { ["userId"] = bot.BotId, ["basicId"] = bot.BasicId, ["displayName"] = bot.DisplayName });
        }

        var body = new JsonObject { ["bots"] = page };
        if (offset + limit < all.Count)
        {
            body["next"] = PagePrefix + (offset + limit).ToString(CultureInfo.InvariantCulture);
        }

        return FakeAnswer.Json(200, body);
    }

    /// <summary>POST /v2/bot/channel/detach: the OA in the body is no longer attached.</summary>
    public FakeAnswer Detach(LineRecordedRequest request)
    {
        var botId = JsonNode.Parse(request.Body)?["botId"]?.GetValue<string>();
        lock (gate)
        {
            if (botId is null || bots.RemoveAll(bot => bot.BotId == botId) == 0)
            {
                return LineErrors.Answer(400, LineErrors.NotDetachable);
            }

            chats.Keys.Where(key => key.BotId == botId).ToList().ForEach(key => chats.Remove(key));
            return FakeAnswer.Empty(200);
        }
    }

    public FakeAnswer AcquireChatControl(string botId, string chatId, DateTimeOffset now)
    {
        lock (gate)
        {
            if (chats.TryGetValue((botId, chatId), out var control)
                && control.Holder == ChatController.OtherChannel
                && now - control.Since < options.ChatControlLock)
            {
                return LineErrors.Answer(423, "Another channel acquired chat control within the last few seconds");
            }

            chats[(botId, chatId)] = new ChatControl(ChatController.Module, now);
            return FakeAnswer.Empty(200);
        }
    }

    public FakeAnswer ReleaseChatControl(string botId, string chatId, DateTimeOffset now)
    {
        lock (gate)
        {
            chats[(botId, chatId)] = new ChatControl(ChatController.Primary, now);
            return FakeAnswer.Empty(200);
        }
    }

    public void GiveChatControlToAnotherChannel(string botId, string chatId, DateTimeOffset now)
    {
        lock (gate)
        {
            chats[(botId, chatId)] = new ChatControl(ChatController.OtherChannel, now);
        }
    }

    public bool ModuleHasChatControl(string botId, string chatId)
    {
        lock (gate)
        {
            return chats.TryGetValue((botId, chatId), out var control) && control.Holder == ChatController.Module;
        }
    }

    public void Clear()
    {
        lock (gate)
        {
            bots.Clear();
            codes.Clear();
            chats.Clear();
        }
    }

    private bool HasModuleCredentials(LineRecordedRequest request, string? clientId, string? clientSecret)
    {
        var authorization = request.Header("Authorization");
        if (authorization is not null && authorization.StartsWith("Basic ", StringComparison.Ordinal))
        {
            string decoded;
            try
            {
                decoded = Encoding.UTF8.GetString(Convert.FromBase64String(authorization["Basic ".Length..]));
            }
            catch (FormatException)
            {
                return false;
            }

            return decoded == options.ChannelId + ":" + options.ChannelSecret;
        }

        return clientId == options.ChannelId && clientSecret == options.ChannelSecret;
    }

    private static bool VerifierMatches(string? verifier, string challenge, string? method)
    {
        if (verifier is null)
        {
            return false;
        }

        var expected = method == "S256"
            ? Convert.ToBase64String(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))).TrimEnd('=').Replace('+', '-').Replace('/', '_')
            : verifier;
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(challenge));
    }

    private static string NewBotId() => "U" + Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();

    private sealed record PendingAttach(string BotId, IReadOnlyList<string> Scopes, string RedirectUri, string? CodeChallenge, string? CodeChallengeMethod);

    private sealed record ChatControl(ChatController Holder, DateTimeOffset Since);

    private enum ChatController
    {
        Primary,
        Module,
        OtherChannel,
    }
}
