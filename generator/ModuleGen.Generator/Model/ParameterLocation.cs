namespace ModuleGen.Generator.Model;

/// <summary>Where a parameter goes on the wire.</summary>
internal enum ParameterLocation
{
    /// <summary>A path segment.</summary>
    Path,

    /// <summary>A query parameter.</summary>
    Query,

    /// <summary>A request header.</summary>
    Header,
}
