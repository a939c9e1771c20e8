using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;

namespace ModuleGen.Bench.Runtime.Clients;

/// <summary>
/// The lower bound: what a careful developer writes by hand with HttpClient and System.Text.Json source generation —
/// the bot-id header, a fresh retry key and the bearer token on each message, status check, typed body.
/// </summary>
public sealed class HandWrittenLine(HttpClient http, string accessToken)
{
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    public async Task<HandPushResponse> PushAsync(string botId, HandPushRequest request, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, "v2/bot/message/push");
        message.Headers.TryAddWithoutValidation("X-Line-Bot-Id", botId);
        message.Headers.TryAddWithoutValidation("X-Line-Retry-Key", Guid.NewGuid().ToString("D"));
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(request, HandJson.Default.HandPushRequest));
        content.Headers.ContentType = Json;
        message.Content = content;
        using var response = await http.SendAsync(message, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        return JsonSerializer.Deserialize(body, HandJson.Default.HandPushResponse)!;
    }

    public async Task<HandProfile> GetProfileAsync(string botId, string userId, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(HttpMethod.Get, "v2/bot/profile/" + Uri.EscapeDataString(userId));
        message.Headers.TryAddWithoutValidation("X-Line-Bot-Id", botId);
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        using var response = await http.SendAsync(message, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        return JsonSerializer.Deserialize(body, HandJson.Default.HandProfile)!;
    }
}

public sealed class HandPushRequest
{
    public required string To { get; set; }

    public required List<HandTextMessage> Messages { get; set; }
}

public sealed class HandTextMessage
{
    public string Type { get; set; } = "text";

    public required string Text { get; set; }
}

public sealed class HandPushResponse
{
    public required List<HandSentMessage> SentMessages { get; set; }
}

public sealed class HandSentMessage
{
    public required string Id { get; set; }

    public string? QuoteToken { get; set; }
}

public sealed class HandProfile
{
    public required string DisplayName { get; set; }

    public required string UserId { get; set; }

    public string? PictureUrl { get; set; }

    public string? StatusMessage { get; set; }

    public string? Language { get; set; }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(HandPushRequest))]
[JsonSerializable(typeof(HandPushResponse))]
[JsonSerializable(typeof(HandProfile))]
public sealed partial class HandJson : JsonSerializerContext;
