using System;

namespace ModuleGen.Line.Tokens;

/// <summary>What LINE said about a channel access token it verified. Holds no part of the token.</summary>
/// <param name="ClientId">The channel the token was issued for.</param>
/// <param name="Scope">The permissions granted to the token.</param>
/// <param name="ExpiresAt">When the token expires (the time of verification plus LINE's expires_in).</param>
public sealed record LineModuleTokenVerification(string ClientId, string Scope, DateTimeOffset ExpiresAt);
