namespace ModuleGen.Generator;

/// <summary>Names of the incremental pipeline's steps, used by <c>WithTrackingName</c> and asserted by the tests.</summary>
public static class TrackingNames
{
    public const string SpecFiles = nameof(SpecFiles);
    public const string Options = nameof(Options);
    public const string SchemaSources = nameof(SchemaSources);
    public const string SchemaCatalog = nameof(SchemaCatalog);
    public const string ApiModel = nameof(ApiModel);
    public const string Clients = nameof(Clients);
    public const string Schemas = nameof(Schemas);
    public const string Diagnostics = nameof(Diagnostics);
    public const string Summary = nameof(Summary);
}
