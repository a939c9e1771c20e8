namespace ModuleGen.Line;

/// <summary>How an operation authenticates.</summary>
public enum LineAuthentication
{
    /// <summary>A channel access token as a Bearer token.</summary>
    Bearer,

    /// <summary>HTTP Basic with the channel ID and secret (the attach call).</summary>
    Basic,

    /// <summary>No Authorization header; credentials travel in the body or query.</summary>
    None,

    /// <summary>An API key in a request header (a spec of your own).</summary>
    ApiKeyHeader,

    /// <summary>An API key in a query parameter (a spec of your own).</summary>
    ApiKeyQuery,
}
