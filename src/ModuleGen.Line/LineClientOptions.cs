using System;
using System.Collections.Generic;

namespace ModuleGen.Line;

/// <summary>Options shared by every ModuleGen client on one pipeline.</summary>
public class LineClientOptions
{
    /// <summary>The bot-id header name in common use; LINE gives the real name only to Marketplace partners.</summary>
    public const string DefaultBotIdHeaderName = "X-Line-Bot-Id";

    /// <summary>Header names of client scopes (<c>x-modulegen-scope</c>), keyed by scope name (e.g. "Bot").</summary>
    public IDictionary<string, string> ScopeHeaderNames { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The name of the header that names the OA a module acts for (default <c>X-Line-Bot-Id</c>).</summary>
    public string BotIdHeaderName
    {
        get => GetScopeHeaderName("Bot", DefaultBotIdHeaderName);
        set
        {
            if (string.IsNullOrWhiteSpace(value) || value.IndexOfAny(new[] { ' ', ':', '\r', '\n' }) >= 0)
            {
                throw new ArgumentException("A header name must be a non-empty token without spaces or colons.", nameof(value));
            }

            ScopeHeaderNames["Bot"] = value;
        }
    }

    /// <summary>Where each spec server really is (for tests, proxies and regional hosts).</summary>
    public LineEndpoints Endpoints { get; } = new();

    /// <summary>Credentials for the security schemes of a spec of your own (never used for LINE's calls).</summary>
    public LineSchemeCredentials Credentials { get; } = new();

    /// <summary>
    /// The largest streamed request body (an upload) a retry-safe call buffers so that it can be sent again (default
    /// 1 MiB). Larger or unsized streams are sent once and never replayed.
    /// </summary>
    public long MaxReplayableBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>The User-Agent sent with every request.</summary>
    public string UserAgent { get; set; } = "ModuleGen.Line/0.1";

    /// <summary>The header name of a scope, or <paramref name="defaultName"/> (the spec's) when not configured.</summary>
    public string GetScopeHeaderName(string scope, string defaultName)
        => ScopeHeaderNames.TryGetValue(scope, out var name) ? name : defaultName;
}
