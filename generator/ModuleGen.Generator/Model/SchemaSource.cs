namespace ModuleGen.Generator.Model;

/// <summary>
/// What of one spec file the schemas can depend on: its text without the summaries and descriptions of its operations,
/// which only the operation's client reads. Two files whose schema text is equal give equal schemas.
/// </summary>
/// <remarks>
/// Immutable, structural equality — adding a member that breaks this breaks incremental caching. Equality is by path and
/// schema text only: the file is carried for the schema step to read (through its loaded YAML), so that an edit of an
/// operation's summary leaves this value equal and the schema step cached.
/// </remarks>
internal sealed record SchemaSource(SpecFileText File, string? SchemaText)
{
    public bool Equals(SchemaSource? other)
        => other is not null
           && string.Equals(File.Path, other.File.Path, System.StringComparison.Ordinal)
           && string.Equals(SchemaText, other.SchemaText, System.StringComparison.Ordinal);

    public override int GetHashCode() => File.Path.GetHashCode() ^ (SchemaText?.Length ?? -1);
}
