using System.Threading;
using System.Threading.Tasks;
using Refit;

namespace ModuleGen.Bench.Runtime.Clients;

/// <summary>
/// Refit 16.4's view of the two operations, written from artifacts/openapi/line.json (the bot-id header and the retry
/// key are plain parameters: Refit has no per-client scope), with the same System.Text.Json source-generated models.
/// </summary>
public interface IRefitLine
{
    [Post("/v2/bot/message/push")]
    Task<HandPushResponse> PushMessageAsync(
        [Header("X-Line-Bot-Id")] string botId,
        [Header("X-Line-Retry-Key")] string retryKey,
        [Authorize("Bearer")] string accessToken,
        [Body] HandPushRequest request,
        CancellationToken cancellationToken);

    [Get("/v2/bot/profile/{userId}")]
    Task<HandProfile> GetProfileAsync(
        [Header("X-Line-Bot-Id")] string botId,
        [Authorize("Bearer")] string accessToken,
        string userId,
        CancellationToken cancellationToken);
}
