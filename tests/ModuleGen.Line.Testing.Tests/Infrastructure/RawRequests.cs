using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;

namespace ModuleGen.Line.Testing.Tests.Infrastructure;

/// <summary>Hand-made requests to the fake (not through a generated client), for what a client would never send.</summary>
internal static class RawRequests
{
    public const string RetryKey = "123e4567-e89b-12d3-a456-426614174000";

    public static async Task<HttpResponseMessage> SendAsync(
        this LineFakePlatform platform, HttpMethod method, string path, string? json = null, string? botId = null, string? retryKey = null)
    {
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = platform.BaseAddress };
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ModuleClients.Token);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        if (botId is not null)
        {
            request.Headers.Add("X-Line-Bot-Id", botId);
        }

        if (retryKey is not null)
        {
            request.Headers.Add("X-Line-Retry-Key", retryKey);
        }

        return await http.SendAsync(request);
    }

    /// <summary>The <c>message</c> of LINE's error body.</summary>
    public static async Task<string?> ErrorMessageAsync(this HttpResponseMessage response)
    {
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("message").GetString();
    }
}
