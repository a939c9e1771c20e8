using System.Collections.Generic;
using System.Text;
using System.Text.Json.Nodes;

namespace ModuleGen.Line.Testing.Hosting;

/// <summary>What the fake answers one request with: a status, headers and a body (empty for none).</summary>
internal sealed record FakeAnswer(int Status, IReadOnlyList<(string Name, string Value)> Headers, byte[] Body)
{
    public static FakeAnswer Empty(int status, params (string Name, string Value)[] headers) => new(status, headers, []);

    public static FakeAnswer Json(int status, JsonNode body, params (string Name, string Value)[] headers) =>
        Json(status, body.ToJsonString(), headers);

    public static FakeAnswer Json(int status, string body, params (string Name, string Value)[] headers)
    {
        return new FakeAnswer(status, headers, Encoding.UTF8.GetBytes(body)).WithDefaultHeader("Content-Type", "application/json");
    }

    /// <summary>This answer with one more header, unless a header of that name is already there.</summary>
    public FakeAnswer WithDefaultHeader(string name, string value) =>
        Header(name) is null ? this with { Headers = [.. Headers, (name, value)] } : this;

    /// <summary>The first value of a header (any case), or <see langword="null"/>.</summary>
    public string? Header(string name)
    {
        foreach (var (existing, value) in Headers)
        {
            if (string.Equals(existing, name, System.StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        return null;
    }
}
