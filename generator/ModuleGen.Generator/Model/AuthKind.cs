namespace ModuleGen.Generator.Model;

/// <summary>How an operation authenticates.</summary>
internal enum AuthKind
{
    /// <summary>A bearer token.</summary>
    Bearer,

    /// <summary>HTTP basic credentials.</summary>
    Basic,

    /// <summary>No credentials.</summary>
    None,

    /// <summary>An API key in a header.</summary>
    ApiKeyHeader,

    /// <summary>An API key in the query string.</summary>
    ApiKeyQuery,
}
