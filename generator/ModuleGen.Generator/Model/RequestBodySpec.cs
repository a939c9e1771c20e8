using ModuleGen.Generator.Helpers;

namespace ModuleGen.Generator.Model;

/// <summary>The request body of an operation.</summary>
/// <remarks>Immutable, structural equality — adding a member that breaks this breaks incremental caching.</remarks>
internal sealed record RequestBodySpec
{
    /// <summary>Its encoding.</summary>
    public required BodyKind Kind { get; init; }

    /// <summary>Its type.</summary>
    public required TypeRef? Type { get; init; }

    /// <summary>Whether it is required.</summary>
    public required bool Required { get; init; }

    /// <summary>Its description.</summary>
    public required string? Description { get; init; }

    /// <summary>For a binary body, the media types it may be sent as.</summary>
    public required ImmutableEquatableArray<string> ContentTypes { get; init; }
}
