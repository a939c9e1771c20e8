using System;
using System.Threading;
using System.Threading.Tasks;

namespace ModuleGen.Line;

/// <summary>A fixed channel access token (tests, or a token managed elsewhere).</summary>
public sealed class LineStaticAccessTokenProvider : ILineAccessTokenProvider
{
    private readonly string _token;

    /// <summary>Creates a provider that always returns <paramref name="token"/>.</summary>
    public LineStaticAccessTokenProvider(string token)
    {
        ArgumentException.ThrowIfNullOrEmpty(token);
        _token = token;
    }

    /// <inheritdoc />
    public ValueTask<string> GetAccessTokenAsync(CancellationToken cancellationToken) => new(_token);

    /// <inheritdoc />
    public override string ToString() => "LineStaticAccessTokenProvider(***)";
}
