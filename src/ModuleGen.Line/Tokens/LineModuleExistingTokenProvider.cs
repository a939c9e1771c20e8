using System;
using System.Threading;
using System.Threading.Tasks;

namespace ModuleGen.Line.Tokens;

/// <summary>A token obtained elsewhere, served until it expires (see <see cref="LineModuleTokenProvider.FromExistingToken"/>).</summary>
internal sealed class LineModuleExistingTokenProvider : ILineAccessTokenProvider
{
    private readonly string _token;
    private readonly DateTimeOffset _expiresAt;
    private readonly TimeProvider _timeProvider;

    public LineModuleExistingTokenProvider(string token, DateTimeOffset expiresAt, TimeProvider timeProvider)
    {
        _token = token;
        _expiresAt = expiresAt;
        _timeProvider = timeProvider;
    }

    public ValueTask<string> GetAccessTokenAsync(CancellationToken cancellationToken)
    {
        if (_timeProvider.GetUtcNow() >= _expiresAt)
        {
            throw new InvalidOperationException($"The channel access token given to FromExistingToken expired at {_expiresAt:O}; give a new one or let LineModuleTokenProvider issue tokens.");
        }

        return new ValueTask<string>(_token);
    }

    public override string ToString() => $"LineModuleExistingTokenProvider(***, expires {_expiresAt:O})";
}
