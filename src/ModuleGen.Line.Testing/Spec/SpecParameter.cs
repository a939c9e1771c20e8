using System.Text.Json.Nodes;

namespace ModuleGen.Line.Testing.Spec;

/// <summary>A path, query or header parameter.</summary>
/// <param name="Name">The wire name.</param>
/// <param name="In"><c>path</c>, <c>query</c> or <c>header</c>.</param>
/// <param name="Required">Whether the spec requires it.</param>
/// <param name="IsBotId">The bot-id header (<c>x-modulegen-scope: Bot</c>).</param>
/// <param name="IsRetryKey">The retry-key header (<c>x-modulegen-idempotency-key</c>).</param>
/// <param name="Schema">Its schema, <c>$ref</c> followed.</param>
internal sealed record SpecParameter(string Name, string In, bool Required, bool IsBotId, bool IsRetryKey, JsonObject Schema)
{
    /// <summary>The schema's <c>pattern</c> without <c>^</c>/<c>$</c> anchors (WireMock's <c>matches</c> is whole-value), or <c>.+</c>.</summary>
    public string WholeValuePattern
    {
        get
        {
            var pattern = Schema["pattern"]?.GetValue<string>();
            if (pattern is null)
            {
                return ".+";
            }

            if (pattern.StartsWith('^'))
            {
                pattern = pattern[1..];
            }

            return pattern.EndsWith('$') ? pattern[..^1] : pattern;
        }
    }
}
