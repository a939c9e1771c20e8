using ModuleGen.Generator.Model;
using YamlDotNet.RepresentationModel;

namespace ModuleGen.Generator.Parsing;

/// <summary>A schema an operation uses, the name an inline one is given, and whether phase 2 reads its type.</summary>
internal readonly record struct SchemaUse(YamlNode Schema, SpecDocument Document, string NameHint, bool IsRead, BodyKind? RequestBodyKind);
