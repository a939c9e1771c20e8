using System;
using System.Net.Http;
using ModuleGen.Line.Testing;

namespace ModuleGen.Line.ContractTests.Module;

/// <summary>Clients wired to the fake platform: every spec server maps to it, credentials are fixed test values.</summary>
internal sealed class ModuleApiClients : IDisposable
{
    public const string Token = "module-channel-token";
    public const string ChannelId = "1234567890";
    public const string ChannelSecret = "0123456789abcdef0123456789abcdef";
    public const string BotId = "U5fac33f633e72c192759f09afc41fa28";
    public const string ChatId = "LUb577ef3cbe786a8da85ff8e902a03fc6-U5fac33f633e72c192759f09afc41fa28";

    private readonly HttpClient _httpClient;

    public ModuleApiClients(LineFakePlatform platform, Action<LineClientOptions>? configure = null)
    {
        _httpClient = platform.CreateHttpClient();
        Options = new LineClientOptions();
        platform.MapEndpoints(Options.Endpoints);
        configure?.Invoke(Options);
        Pipeline = new LineClientPipeline(
            _httpClient,
            Options,
            new LineStaticAccessTokenProvider(Token),
            new LineChannelCredentials(ChannelId, ChannelSecret));
        Module = new LineModuleClient(Pipeline);
        Attach = new LineModuleAttachClient(Pipeline);
    }

    public LineClientOptions Options { get; }

    public LineClientPipeline Pipeline { get; }

    public LineModuleClient Module { get; }

    public LineModuleAttachClient Attach { get; }

    public void Dispose() => _httpClient.Dispose();
}
