using System;
using System.Collections.Generic;

namespace ModuleGen.Line.Tenants;

/// <summary>
/// The server-side half of one attach attempt, kept between the redirect to LINE and the callback: what the token
/// exchange must repeat, the PKCE verifier, and when the attempt expires. Stored in an
/// <see cref="ILineAttachStateStore"/> under <see cref="State"/>, so the callback can land on any instance.
/// </summary>
/// <remarks>Immutable. Holds a secret (<see cref="CodeVerifier"/>): never log it.</remarks>
public sealed record LinePendingAttach
{
    /// <summary>The anti-CSRF state sent to LINE; the key.</summary>
    public required string State { get; init; }

    /// <summary>The PKCE code verifier.</summary>
    public required string CodeVerifier { get; init; }

    /// <summary>The module channel ID.</summary>
    public required string ChannelId { get; init; }

    /// <summary>The redirect URI of the attempt.</summary>
    public required Uri RedirectUri { get; init; }

    /// <summary>The requested scopes.</summary>
    public required IReadOnlyList<string> Scopes { get; init; }

    /// <summary>The region restriction, if any.</summary>
    public string? Region { get; init; }

    /// <summary>The OA restriction, if any.</summary>
    public string? BasicSearchId { get; init; }

    /// <summary>The brand-type restriction, if any.</summary>
    public IReadOnlyList<string>? BrandTypes { get; init; }

    /// <summary>After this the callback is refused.</summary>
    public required DateTimeOffset ExpiresAt { get; init; }
}
