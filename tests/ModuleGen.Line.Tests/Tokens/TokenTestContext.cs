using System;
using System.Net;
using System.Net.Http;
using System.Security.Cryptography;
using ModuleGen.Line.Tests.Infrastructure;
using ModuleGen.Line.Tokens;
using ModuleGen.Tests.Shared;

namespace ModuleGen.Line.Tests.Tokens;

/// <summary>A token provider wired to a fake LINE and a manual clock.</summary>
internal sealed class TokenTestContext : IDisposable
{
    public const string ChannelId = "1234567890";
    public const string ChannelSecret = "s3cr3t-channel-secret-value";
    public const string Kid = "kid-from-console";

    private static readonly Lazy<RSA> s_key = new(() => RSA.Create(2048));

    public TokenTestContext(FakeLineHandler handler, Action<LineModuleTokenOptions>? configure = null)
    {
        Handler = handler;
        Options = new LineModuleTokenOptions { ChannelId = ChannelId, ChannelSecret = ChannelSecret };
        configure?.Invoke(Options);
        Client = new ChannelAccessTokenClient(new LineClientPipeline(new HttpClient(handler)));
        Provider = new LineModuleTokenProvider(Client, Options, Clock, Logger);
    }

    /// <summary>One 2048-bit key for all tests: generating keys is slow.</summary>
    public static RSA Key => s_key.Value;

    public static DateTimeOffset Start { get; } = new(2026, 7, 1, 9, 0, 0, TimeSpan.Zero);

    public FakeLineHandler Handler { get; }

    public LineModuleTokenOptions Options { get; }

    public ManualTimeProvider Clock { get; } = new(Start);

    public RecordingLogger<LineModuleTokenProvider> Logger { get; } = new();

    public ChannelAccessTokenClient Client { get; }

    public LineModuleTokenProvider Provider { get; }

    /// <summary>Answers every request with a new token "token-{n}" that lives <paramref name="expiresIn"/> seconds.</summary>
    public static FakeLineHandler IssuingHandler(int expiresIn = 899)
        => new((_, n) => FakeLineHandler.Json(HttpStatusCode.OK, $$"""{"access_token":"token-{{n}}","expires_in":{{expiresIn}},"token_type":"Bearer","key_id":"key-{{n}}"}"""));

    public void Dispose() => Provider.Dispose();
}
