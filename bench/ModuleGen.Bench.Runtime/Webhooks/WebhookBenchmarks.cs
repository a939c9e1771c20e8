using System;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using ModuleGen.Line.Webhooks;

namespace ModuleGen.Bench.Runtime.Webhooks;

/// <summary>Verify and read a signed 20-event body; the baseline is HMAC-SHA256 plus an untyped JsonDocument.Parse.</summary>
[BenchmarkCategory("webhook")]
public class WebhookBenchmarks
{
    private static readonly string[] Secrets = [WebhookBody.ChannelSecret];
    private byte[] _body = null!;
    private string _signature = null!;
    private byte[] _key = null!;

    [GlobalSetup]
    public void Setup()
    {
        _body = WebhookBody.TwentyEvents(Path.Combine(AppContext.BaseDirectory, "fixtures", "webhooks"));
        _signature = LineWebhookSignature.Compute(_body, WebhookBody.ChannelSecret);
        _key = Encoding.UTF8.GetBytes(WebhookBody.ChannelSecret);
    }

    [Benchmark(Baseline = true), BenchmarkCategory("webhook")]
    public int Webhook_HmacAndJsonDocument()
    {
        Verify();
        using var document = JsonDocument.Parse(_body);
        return document.RootElement.GetProperty("events").GetArrayLength();
    }

    /// <summary>
    /// A floor for any reader of the whole body: the baseline's HMAC, then a <see cref="Utf8JsonReader"/> over every
    /// token, keeping nothing.
    /// </summary>
    [Benchmark, BenchmarkCategory("webhook")]
    public int Webhook_FloorHmacAndTokenWalk()
    {
        Verify();
        var reader = new Utf8JsonReader(_body);
        var tokens = 0;
        while (reader.Read())
        {
            tokens++;
        }

        return tokens;
    }

    /// <summary>
    /// The floor for a typed read: the token walk plus a .NET string for every string value the typed models hold,
    /// that is every one but the discriminators and the enum values (the members <c>type</c>, <c>mode</c> and
    /// <c>result</c>), which are matched by their bytes. The objects and lists of the models are not counted.
    /// </summary>
    [Benchmark, BenchmarkCategory("webhook")]
    public int Webhook_FloorTokenWalkAndStrings()
    {
        Verify();
        var reader = new Utf8JsonReader(_body);
        var kept = false;
        var characters = 0;
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName)
            {
                kept = !reader.ValueTextEquals("type"u8) && !reader.ValueTextEquals("mode"u8) && !reader.ValueTextEquals("result"u8);
            }
            else if (reader.TokenType == JsonTokenType.String && kept)
            {
                characters += reader.GetString()!.Length;
            }
        }

        return characters;
    }

    /// <summary>
    /// The floor of the generated readers themselves: the baseline's HMAC, then the generated envelope model read
    /// strictly with <see cref="ModuleGen.Line.LineJson.Parse{T}(ReadOnlySpan{byte})"/> (no UTF-8 check, no per-event
    /// isolation, the first bad event fails the whole body). What <see cref="Webhook_ModuleGenParse"/> costs beyond it
    /// is the webhook layer; what it costs beyond <see cref="Webhook_FloorTokenWalkAndStrings"/> is the models.
    /// </summary>
    [Benchmark, BenchmarkCategory("webhook")]
    public int Webhook_FloorHmacAndGeneratedRead()
    {
        Verify();
        return ModuleGen.Line.LineJson.Parse<CallbackRequest>(_body).Events.Count;
    }

    /// <summary>What MapLineWebhook runs: verify, then one pass for each event's raw JSON, key, type and timestamp.</summary>
    [Benchmark, BenchmarkCategory("webhook")]
    public int Webhook_ModuleGenEndpointPass()
    {
        var batch = LineWebhookParser.ParseBatch(_body, _signature, Secrets);
        var found = 0;
        foreach (var item in batch.Events)
        {
            found += item.Type.Length > 0 && item.DeduplicationKey.Length > 0 ? 1 : 0;
        }

        return found;
    }

    /// <summary>Verify, the one pass, then every event typed (as the endpoint and the worker together read it).</summary>
    [Benchmark, BenchmarkCategory("webhook")]
    public int Webhook_ModuleGenParseBatch()
    {
        var batch = LineWebhookParser.ParseBatch(_body, _signature, Secrets);
        var typed = 0;
        foreach (var item in batch.Events)
        {
            typed += item.Event is UnreadableEvent ? 0 : 1;
        }

        return typed;
    }

    /// <summary>The public typed API: verify, then the typed CallbackRequest.</summary>
    [Benchmark, BenchmarkCategory("webhook")]
    public int Webhook_ModuleGenParse()
        => LineWebhookParser.Parse(_body, _signature, Secrets).Events.Count;

    private void Verify()
    {
        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(_key, _body, mac);
        if (!CryptographicOperations.FixedTimeEquals(mac, Convert.FromBase64String(_signature)))
        {
            throw new InvalidOperationException("signature");
        }
    }
}
