using System.Text.Json.Nodes;

namespace ModuleGen.Line.Testing.Spec;

/// <summary>A documented success response.</summary>
/// <param name="Status">Its status code.</param>
/// <param name="MediaType">The media type of its body, or <see langword="null"/> when it has none.</param>
/// <param name="File">The file its schema's references are relative to.</param>
/// <param name="Schema">The body's schema as written (may be a <c>$ref</c>).</param>
internal sealed record SpecResponse(int Status, string? MediaType, string File, JsonNode? Schema);
