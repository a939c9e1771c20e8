namespace ModuleGen.Generator.Model;

/// <summary>The C# shape of a schema use.</summary>
internal enum TypeKind
{
    String,
    Int32,
    Int64,
    Float,
    Double,
    Boolean,
    Binary,
    Any,
    Model,
    Enum,
    Array,
    Map,
}
