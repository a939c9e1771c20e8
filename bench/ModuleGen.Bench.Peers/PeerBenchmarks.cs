using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;
using ModuleGen.Bench.Peers.Kiota;
using ModuleGen.Bench.Peers.NSwag;

namespace ModuleGen.Bench.Runtime.Clients;

/// <summary>The peers generated at build time from artifacts/openapi/line.json, on the same in-memory LINE.</summary>
public partial class ClientBenchmarks
{
    private NSwagLineClient _nswag = null!;
    private KiotaLineClient _kiota = null!;

    [Benchmark, BenchmarkCategory("push")]
    public async Task<string> Push_NSwag()
        => (await _nswag.PushMessageAsync(
            InMemoryLine.BotId,
            Guid.NewGuid(),
            new ModuleGen.Bench.Peers.NSwag.PushMessageRequest
            {
                To = InMemoryLine.UserId,
                Messages = [new ModuleGen.Bench.Peers.NSwag.TextMessage { Text = "Your table is booked for 19:00." }],
            },
            CancellationToken.None)).SentMessages.First().Id;

    [Benchmark, BenchmarkCategory("profile")]
    public async Task<string> Profile_NSwag()
        => (await _nswag.GetProfileAsync(InMemoryLine.BotId, InMemoryLine.UserId, CancellationToken.None)).DisplayName;

    [Benchmark, BenchmarkCategory("push")]
    public async Task<string> Push_Kiota()
        => (await _kiota.V2.Bot.Message.Push.PostAsync(
            new ModuleGen.Bench.Peers.Kiota.Models.PushMessageRequest
            {
                To = InMemoryLine.UserId,
                Messages = [new ModuleGen.Bench.Peers.Kiota.Models.TextMessage { Type = "text", Text = "Your table is booked for 19:00." }],
            },
            config =>
            {
                // Kiota drops header parameters: the bot id and the retry key go on by hand.
                config.Headers.Add("X-Line-Bot-Id", InMemoryLine.BotId);
                config.Headers.Add("X-Line-Retry-Key", Guid.NewGuid().ToString("D"));
            },
            CancellationToken.None))!.SentMessages![0].Id!;

    [Benchmark, BenchmarkCategory("profile")]
    public async Task<string> Profile_Kiota()
        => (await _kiota.V2.Bot.Profile[InMemoryLine.UserId].GetAsync(
            config => config.Headers.Add("X-Line-Bot-Id", InMemoryLine.BotId),
            CancellationToken.None))!.DisplayName!;

    partial void SetupPeers(Uri baseAddress)
    {
        var nswagHttp = new HttpClient(new InMemoryLine()) { BaseAddress = baseAddress };
        nswagHttp.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", InMemoryLine.AccessToken);
        _nswag = new NSwagLineClient(nswagHttp);

        var kiotaAdapter = new HttpClientRequestAdapter(
            new BaseBearerTokenAuthenticationProvider(new StaticToken()),
            httpClient: new HttpClient(new InMemoryLine()))
        { BaseUrl = baseAddress.ToString().TrimEnd('/') };
        _kiota = new KiotaLineClient(kiotaAdapter);
    }

    private sealed class StaticToken : IAccessTokenProvider
    {
        public AllowedHostsValidator AllowedHostsValidator { get; } = new();

        public Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default)
            => Task.FromResult(InMemoryLine.AccessToken);
    }
}
