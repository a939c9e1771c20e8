namespace ModuleGen.Generator.Model;

/// <summary>The C# shape of a schema use: a primitive, a generated type (by full name), or a collection of one.</summary>
/// <remarks>Immutable, structural equality — adding a member that breaks this breaks incremental caching.</remarks>
internal sealed record TypeRef(TypeKind Kind, string? FullName = null, TypeRef? Element = null)
{
    public static TypeRef String { get; } = new(TypeKind.String);
    public static TypeRef Int32 { get; } = new(TypeKind.Int32);
    public static TypeRef Int64 { get; } = new(TypeKind.Int64);
    public static TypeRef Float { get; } = new(TypeKind.Float);
    public static TypeRef Double { get; } = new(TypeKind.Double);
    public static TypeRef Boolean { get; } = new(TypeKind.Boolean);
    public static TypeRef Binary { get; } = new(TypeKind.Binary);
    public static TypeRef Any { get; } = new(TypeKind.Any);

    public bool IsValueType => Kind is TypeKind.Int32 or TypeKind.Int64 or TypeKind.Float or TypeKind.Double
        or TypeKind.Boolean or TypeKind.Enum or TypeKind.Any;

    public bool IsNumber => Kind is TypeKind.Int32 or TypeKind.Int64 or TypeKind.Float or TypeKind.Double;
}
