using System;
using System.Collections.Generic;

namespace ModuleGen.Line.Attach;

/// <summary>What goes into the authorize URL an OA admin opens to attach the module.</summary>
public sealed class LineAttachAuthorizationOptions
{
    /// <summary>The module channel ID (client_id).</summary>
    public required string ChannelId { get; init; }

    /// <summary>A redirect URL registered on the module channel's "module" tab; must be https.</summary>
    public required Uri RedirectUri { get; init; }

    /// <summary>The scopes to request, e.g. message:send, message:receive.</summary>
    public required IReadOnlyCollection<string> Scopes { get; init; }

    /// <summary>JP or TW, when attaching is limited to one region.</summary>
    public string? Region { get; init; }

    /// <summary>An OA basic ID (e.g. @linedevelopers) that limits attaching to that one OA.</summary>
    public string? BasicSearchId { get; init; }

    /// <summary>The account types that may attach: premium, verified, unverified.</summary>
    public IReadOnlyCollection<string>? BrandTypes { get; init; }

    /// <summary>The PKCE code verifier length, 43 to 128 characters (default 64).</summary>
    public int CodeVerifierLength { get; init; } = 64;

    /// <summary>The authorize endpoint (override for tests).</summary>
    public Uri AuthorizeEndpoint { get; init; } = new("https://manager.line.biz/module/auth/v1/authorize");
}
