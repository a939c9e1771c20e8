namespace ModuleGen.Generator.Model;

/// <summary>What a schema generates.</summary>
internal enum SchemaKind
{
    /// <summary>A plain object: a sealed class.</summary>
    Object,

    /// <summary>An object with a discriminator: an abstract class plus an Unknown fallback.</summary>
    PolymorphicBase,

    /// <summary>A string enum: an open, extensible struct.</summary>
    Enum,
}
