namespace ModuleGen.Line.Testing.Spec;

/// <summary>How an operation authenticates, from <c>x-modulegen-auth</c> or the OpenAPI <c>security</c> requirement.</summary>
internal enum SpecAuthentication
{
    /// <summary>No Authorization header (credentials, if any, travel in the body or query).</summary>
    None,

    /// <summary><c>Authorization: Bearer {channel access token}</c>.</summary>
    Bearer,

    /// <summary><c>Authorization: Basic {channel id:secret}</c>.</summary>
    Basic,
}
