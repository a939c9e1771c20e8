using System.Text.Json.Nodes;

namespace ModuleGen.Line.Testing.Spec;

/// <summary>A property of a request body schema.</summary>
/// <param name="Name">The JSON, form or part name.</param>
/// <param name="Required">Whether the schema requires it.</param>
/// <param name="Schema">Its schema, <c>$ref</c> followed.</param>
internal sealed record SpecProperty(string Name, bool Required, JsonObject Schema);
