namespace ModuleGen.Generator.Model;

/// <summary>A pager over a paged operation (<c>x-modulegen-pagination</c>).</summary>
/// <remarks>Immutable, structural equality — adding a member that breaks this breaks incremental caching.</remarks>
internal sealed record PaginationSpec
{
    /// <summary>The pager method name.</summary>
    public required string MethodName { get; init; }

    /// <summary>The response property that holds a page's items.</summary>
    public required string ItemsProperty { get; init; }

    /// <summary>The type of one item.</summary>
    public required TypeRef ItemType { get; init; }

    /// <summary>The response property that holds the next page's token.</summary>
    public required string NextProperty { get; init; }

    /// <summary>The argument that sends the token.</summary>
    public required string TokenArgument { get; init; }

    /// <summary>What the server says about a walk over its pages (<c>remarks</c> of <c>x-modulegen-pagination</c>), if anything.</summary>
    public required string? Remarks { get; init; }
}
