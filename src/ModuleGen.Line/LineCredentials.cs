using System;
using System.Threading;
using System.Threading.Tasks;

namespace ModuleGen.Line;

/// <summary>Supplies the module channel access token put on each Bearer-authenticated request.</summary>
public interface ILineAccessTokenProvider
{
    /// <summary>A valid channel access token. Called per request: cache inside the provider.</summary>
    ValueTask<string> GetAccessTokenAsync(CancellationToken cancellationToken);

    /// <summary>
    /// LINE refused <paramref name="rejectedToken"/> with 401 (revoked, or expired early): a provider that caches drops
    /// it, so the next <see cref="GetAccessTokenAsync"/> issues a fresh one. The pipeline then retries the call once.
    /// The default does nothing, for providers that cannot renew a token.
    /// </summary>
    ValueTask InvalidateAsync(string rejectedToken, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}

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

/// <summary>A module channel's ID and secret (HTTP Basic for the attach call). The secret never appears in text.</summary>
public sealed class LineChannelCredentials
{
    /// <summary>Creates credentials.</summary>
    public LineChannelCredentials(string channelId, string channelSecret)
    {
        ArgumentException.ThrowIfNullOrEmpty(channelId);
        ArgumentException.ThrowIfNullOrEmpty(channelSecret);
        ChannelId = channelId;
        ChannelSecret = channelSecret;
    }

    /// <summary>The channel ID.</summary>
    public string ChannelId { get; }

    /// <summary>The channel secret.</summary>
    public string ChannelSecret { get; }

    internal string ToBasicParameter()
        => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(ChannelId + ":" + ChannelSecret));

    /// <inheritdoc />
    public override string ToString() => $"LineChannelCredentials({ChannelId}, ***)";
}

/// <summary>A file part of a multipart upload. The caller keeps owning <see cref="Content"/>.</summary>
/// <param name="Content">The bytes to upload.</param>
/// <param name="FileName">The file name sent with the part.</param>
/// <param name="ContentType">The part's media type.</param>
public sealed record LineFileContent(System.IO.Stream Content, string FileName, string ContentType = "text/plain");
