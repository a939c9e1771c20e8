namespace ModuleGen.Line.Tokens;

/// <summary>
/// The kinds of channel access token a module channel may use. There is deliberately no long-lived kind: LINE does
/// not let module channels use long-lived tokens.
/// </summary>
public enum LineModuleTokenKind
{
    /// <summary>A stateless token (POST /oauth2/v3/token), valid 15 minutes, unlimited in number. The default.</summary>
    Stateless = 0,

    /// <summary>A v2.1 token issued with a signed JWT assertion (POST /oauth2/v2.1/token), valid up to 30 days.</summary>
    JwtV21 = 1,

    /// <summary>A short-lived token (POST /v2/oauth/accessToken), valid 30 days; a channel holds at most 30.</summary>
    ShortLived = 2,
}
