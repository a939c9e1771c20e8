using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ModuleGen.Line;
using ModuleGen.Line.Models;
using Refit;

namespace ModuleGen.Bench.Runtime.Clients;

/// <summary>
/// One bot-scoped push and one GET profile per operation, each client ending in the same <see cref="InMemoryLine"/>.
/// The baseline is the hand-written HttpClient call; every client builds its request model per call, as callers do.
/// </summary>
[BenchmarkCategory("clients")]
public partial class ClientBenchmarks
{
    private HandWrittenLine _hand = null!;
    private HandWrittenLine _handResilient = null!;
    private MessagingApiClient _moduleGen = null!;
    private MessagingApiClient _moduleGenDefault = null!;
    private ServiceProvider _defaultServices = null!;
    private IRefitLine _refit = null!;

    [GlobalSetup]
    public void Setup()
    {
        var baseAddress = new Uri(InMemoryLine.BaseAddress);
        _hand = new HandWrittenLine(new HttpClient(new InMemoryLine()) { BaseAddress = baseAddress }, InMemoryLine.AccessToken);

        var options = new LineClientOptions();
        options.Endpoints.MapAll(baseAddress);
        _moduleGen = new MessagingApiClient(new LineClientPipeline(
            new HttpClient(new InMemoryLine()), options, new LineStaticAccessTokenProvider(InMemoryLine.AccessToken)));

        _defaultServices = DefaultPipeline();
        _handResilient = _defaultServices.GetRequiredService<HandWrittenLine>();
        _moduleGenDefault = _defaultServices.GetRequiredService<MessagingApiClient>();

        var refitSettings = new RefitSettings(new SystemTextJsonContentSerializer(new JsonSerializerOptions(HandJson.Default.Options)));
        _refit = RestService.ForGenerated<IRefitLine>(new HttpClient(new InMemoryLine()) { BaseAddress = baseAddress }, refitSettings);
        SetupPeers(baseAddress);
    }

    [GlobalCleanup]
    public void Cleanup() => _defaultServices.Dispose();

    [Benchmark(Baseline = true), BenchmarkCategory("push")]
    public async Task<string> Push_HandWritten()
        => (await _hand.PushAsync(InMemoryLine.BotId, HandPush(), CancellationToken.None)).SentMessages[0].Id;

    [Benchmark, BenchmarkCategory("push")]
    public async Task<string> Push_ModuleGen()
        => (await _moduleGen.ForBot(InMemoryLine.BotId).PushMessageAsync(ModuleGenPush())).Value.SentMessages[0].Id;

    [Benchmark, BenchmarkCategory("push")]
    public async Task<string> Push_ModuleGenDefaultPipeline()
        => (await _moduleGenDefault.ForBot(InMemoryLine.BotId).PushMessageAsync(ModuleGenPush())).Value.SentMessages[0].Id;

    /// <summary>The floor of any pipeline on Microsoft.Extensions.Http.Resilience: the hand-written call through its standard handler.</summary>
    [Benchmark, BenchmarkCategory("push")]
    public async Task<string> Push_HandWrittenStandardResilience()
        => (await _handResilient.PushAsync(InMemoryLine.BotId, HandPush(), CancellationToken.None)).SentMessages[0].Id;

    [Benchmark, BenchmarkCategory("push")]
    public async Task<string> Push_Refit()
        => (await _refit.PushMessageAsync(InMemoryLine.BotId, Guid.NewGuid().ToString("D"), InMemoryLine.AccessToken, HandPush(), CancellationToken.None)).SentMessages[0].Id;

    [Benchmark(Baseline = true), BenchmarkCategory("profile")]
    public async Task<string> Profile_HandWritten()
        => (await _hand.GetProfileAsync(InMemoryLine.BotId, InMemoryLine.UserId, CancellationToken.None)).DisplayName;

    [Benchmark, BenchmarkCategory("profile")]
    public async Task<string> Profile_ModuleGen()
        => (await _moduleGen.ForBot(InMemoryLine.BotId).GetProfileAsync(InMemoryLine.UserId)).Value.DisplayName;

    [Benchmark, BenchmarkCategory("profile")]
    public async Task<string> Profile_ModuleGenDefaultPipeline()
        => (await _moduleGenDefault.ForBot(InMemoryLine.BotId).GetProfileAsync(InMemoryLine.UserId)).Value.DisplayName;

    /// <summary>The floor of any pipeline on Microsoft.Extensions.Http.Resilience: the hand-written call through its standard handler.</summary>
    [Benchmark, BenchmarkCategory("profile")]
    public async Task<string> Profile_HandWrittenStandardResilience()
        => (await _handResilient.GetProfileAsync(InMemoryLine.BotId, InMemoryLine.UserId, CancellationToken.None)).DisplayName;

    [Benchmark, BenchmarkCategory("profile")]
    public async Task<string> Profile_Refit()
        => (await _refit.GetProfileAsync(InMemoryLine.BotId, InMemoryLine.AccessToken, InMemoryLine.UserId, CancellationToken.None)).DisplayName;

    /// <summary>The peers generated at build time (NSwag, Kiota) live in bench/ModuleGen.Bench.Peers, which adds them here.</summary>
    partial void SetupPeers(Uri baseAddress);

    private static HandPushRequest HandPush()
        => new() { To = InMemoryLine.UserId, Messages = [new HandTextMessage { Text = "Your table is booked for 19:00." }] };

    private static PushMessageRequest ModuleGenPush()
        => new() { To = InMemoryLine.UserId, Messages = [new TextMessage { Text = "Your table is booked for 19:00." }] };

    /// <summary>
    /// What users run: AddLineModule from configuration — resilience, the client-side rate limiter and telemetry — with
    /// no listener attached. The two operations' limits are raised far above what one thread can send, so the limiter
    /// does its work on every call but never makes one wait.
    /// </summary>
    private static ServiceProvider DefaultPipeline()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ChannelId"] = "1234567890",
            ["ChannelSecret"] = "0123456789abcdef0123456789abcdef",
            ["Endpoints:*"] = InMemoryLine.BaseAddress,
            ["RateLimits:Limits:pushMessage:Requests"] = "100000000",
            ["RateLimits:Limits:getProfile:Requests"] = "100000000",
        }).Build();
        var services = new ServiceCollection();
        services.AddLineModule(configuration).ConfigurePrimaryHttpMessageHandler(() => new InMemoryLine());
        services.Replace(ServiceDescriptor.Singleton<ILineAccessTokenProvider>(new LineStaticAccessTokenProvider(InMemoryLine.AccessToken)));

        // The hand-written call through the standard resilience handler with its defaults (and, like the LINE clients,
        // without IHttpClientFactory's default request loggers): what the package issue 11 adopted costs on its own.
        services.AddHttpClient("hand-resilient", client => client.BaseAddress = new Uri(InMemoryLine.BaseAddress))
            .ConfigurePrimaryHttpMessageHandler(() => new InMemoryLine())
            .RemoveAllLoggers()
            .AddStandardResilienceHandler();
        services.AddSingleton(provider => new HandWrittenLine(
            provider.GetRequiredService<IHttpClientFactory>().CreateClient("hand-resilient"), InMemoryLine.AccessToken));
        return services.BuildServiceProvider();
    }
}
