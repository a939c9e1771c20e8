using System;
using System.Collections.Generic;
using ModuleGen.Line.Tokens;

namespace ModuleGen.Line;

/// <summary>
/// Everything <c>AddLineModule(configuration.GetSection("Line"))</c> reads from the <c>Line</c> section, besides
/// <c>Line:Resilience</c> (<see cref="LineResilienceOptions"/>) and <c>Line:RateLimits</c>
/// (<see cref="LineRateLimiterOptions"/>). <see cref="ToString"/> never shows the secret or the key.
/// </summary>
public sealed class LineModuleOptions
{
    /// <summary>The module channel's ID.</summary>
    public string ChannelId { get; set; } = string.Empty;

    /// <summary>The module channel's secret (Basic auth of the attach call; tokens issued with the secret).</summary>
    public string? ChannelSecret { get; set; }

    /// <summary>The kind of channel access token to issue (default Stateless).</summary>
    public LineModuleTokenKind TokenKind { get; set; } = LineModuleTokenKind.Stateless;

    /// <summary>For JWT assertions (v2.1 tokens, or stateless with <see cref="UseJwtAssertionForStateless"/>): the key ID.</summary>
    public string? Kid { get; set; }

    /// <summary>For JWT assertions: the RSA private key as PEM.</summary>
    public string? SigningKeyPem { get; set; }

    /// <summary>Issue stateless tokens with a JWT assertion instead of the secret.</summary>
    public bool UseJwtAssertionForStateless { get; set; }

    /// <summary>The bot-id header name (default X-Line-Bot-Id; LINE gives the real one to Marketplace partners).</summary>
    public string BotIdHeaderName { get; set; } = LineClientOptions.DefaultBotIdHeaderName;

    /// <summary>The User-Agent sent with every request, when not the default.</summary>
    public string? UserAgent { get; set; }

    /// <summary>
    /// Where LINE's hosts really are, keyed by host (<c>api.line.me</c>, <c>api-data.line.me</c>,
    /// <c>manager.line.biz</c>) or <c>*</c> for all: absolute addresses (a fake LINE in tests, a proxy).
    /// </summary>
    public IDictionary<string, string> Endpoints { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Applies the channel and key settings to the token provider's options.</summary>
    internal void ApplyTo(LineModuleTokenOptions token)
    {
        token.ChannelId = ChannelId;
        token.ChannelSecret = ChannelSecret;
        token.Kind = TokenKind;
        token.Kid = Kid;
        token.SigningKeyPem = SigningKeyPem;
        token.UseJwtAssertionForStateless = UseJwtAssertionForStateless;
    }

    /// <summary>Applies the header name, User-Agent and endpoints to the client options.</summary>
    internal void ApplyTo(LineClientOptions client)
    {
        client.BotIdHeaderName = BotIdHeaderName;
        if (!string.IsNullOrWhiteSpace(UserAgent))
        {
            client.UserAgent = UserAgent;
        }

        foreach (var (host, address) in Endpoints)
        {
            if (host == "*")
            {
                client.Endpoints.MapAll(new Uri(address, UriKind.Absolute));
            }
            else
            {
                client.Endpoints.Map("https://" + host, new Uri(address, UriKind.Absolute));
            }
        }
    }

    /// <summary>The problems that would stop the module from working, each naming the setting and never its secret value.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        try
        {
            var token = new LineModuleTokenOptions();
            ApplyTo(token);
            token.Validate();
        }
        catch (ArgumentException exception)
        {
            problems.Add("Line: " + exception.Message);
        }

        try
        {
            new LineClientOptions().BotIdHeaderName = BotIdHeaderName;
        }
        catch (ArgumentException)
        {
            problems.Add($"Line:BotIdHeaderName ('{BotIdHeaderName}') must be a header name without spaces or colons.");
        }

        foreach (var (host, address) in Endpoints)
        {
            if (!Uri.TryCreate(address, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            {
                problems.Add($"Line:Endpoints:{host} ('{address}') must be an absolute http or https address.");
            }
        }

        return problems;
    }

    /// <inheritdoc />
    public override string ToString()
        => $"LineModuleOptions(ChannelId={ChannelId}, ChannelSecret={(ChannelSecret is null ? "(none)" : "***")}, TokenKind={TokenKind}, "
           + $"SigningKeyPem={(SigningKeyPem is null ? "(none)" : "***")}, BotIdHeaderName={BotIdHeaderName})";
}
