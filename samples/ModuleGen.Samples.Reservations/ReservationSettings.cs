using System;
using System.IO;
using Microsoft.Extensions.Configuration;

namespace ModuleGen.Samples.Reservations;

/// <summary>
/// What the module needs to run against LINE, from configuration (the <c>Line</c> section, or environment variables
/// such as <c>Line__ChannelSecret</c>). Refuses to start with an empty or placeholder secret: a module that cannot
/// verify signatures would accept anyone's webhooks.
/// </summary>
public sealed class ReservationSettings
{
    /// <summary>The module channel's ID (LINE Developers console).</summary>
    public required string ChannelId { get; init; }

    /// <summary>The module channel's secret: signs webhooks, and authenticates the attach token exchange and token issue.</summary>
    public required string ChannelSecret { get; init; }

    /// <summary>Where LINE and OA admins reach this module (the attach redirect is <c>{PublicBaseUrl}/attach/callback</c>).</summary>
    public required Uri PublicBaseUrl { get; init; }

    /// <summary>The folder of the SQLite files (inbox and attachments), relative to the content root unless absolute.</summary>
    public required string DataDirectory { get; init; }

    /// <summary>Reads and checks the settings.</summary>
    /// <exception cref="InvalidOperationException">A setting is missing or a placeholder; the message says which and how to set it.</exception>
    public static ReservationSettings From(IConfiguration line, string contentRoot)
    {
        var channelId = Required(line, "ChannelId");
        var channelSecret = Required(line, "ChannelSecret");
        if (channelSecret.Length != 32 || channelSecret.Contains("set-me", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(
                "Line:ChannelSecret is not a channel secret (32 hexadecimal characters from the LINE Developers console). "
                + "Set it with the environment variable Line__ChannelSecret or user secrets; the module refuses to start without it.");
        }

        var publicBaseUrl = Required(line, "PublicBaseUrl");
        if (!Uri.TryCreate(publicBaseUrl, UriKind.Absolute, out var baseUrl))
        {
            throw new InvalidOperationException($"Line:PublicBaseUrl '{publicBaseUrl}' is not an absolute URL.");
        }

        var dataDirectory = line["DataDirectory"] is { Length: > 0 } configured ? configured : "data";
        return new ReservationSettings
        {
            ChannelId = channelId,
            ChannelSecret = channelSecret,
            PublicBaseUrl = baseUrl,
            DataDirectory = Path.GetFullPath(dataDirectory, contentRoot),
        };
    }

    private static string Required(IConfiguration line, string key)
        => line[key] is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"Line:{key} is not set: set it in appsettings.json or as the environment variable Line__{key}.");
}
