using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace ModuleGen.Line.Testing.Spec;

/// <summary>An operation's request body.</summary>
/// <param name="MediaType">The first media type of its content.</param>
/// <param name="MediaTypes">Every media type of its content (e.g. image/jpeg and image/png).</param>
/// <param name="Required">Whether the body is required.</param>
/// <param name="File">The file its schema's references are relative to.</param>
/// <param name="Schema">The schema as written (may be a <c>$ref</c>).</param>
internal sealed record SpecRequestBody(string MediaType, IReadOnlyList<string> MediaTypes, bool Required, string File, JsonNode Schema)
{
    /// <summary>Whether the body is JSON.</summary>
    public bool IsJson => MediaType == "application/json";

    /// <summary>Whether the body is an HTML form.</summary>
    public bool IsForm => MediaType == "application/x-www-form-urlencoded";

    /// <summary>Whether the body is multipart/form-data.</summary>
    public bool IsMultipart => MediaType == "multipart/form-data";
}
