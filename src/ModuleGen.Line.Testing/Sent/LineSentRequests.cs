using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using ModuleGen.Line.Models;
using ModuleGen.Line.Runtime;

namespace ModuleGen.Line.Testing.Sent;

/// <summary>
/// What the module sent that LINE accepted (a conforming request answered with 2xx), per OA and operation, read back into
/// the generated request models: <c>platform.Sent.Pushes(botId)</c>. Refused, faulted and duplicate (409) calls are not
/// here; the raw journal (<see cref="LineFakePlatform.Requests"/>) has them all.
/// </summary>
public sealed class LineSentRequests
{
    private readonly Func<IReadOnlyList<LineRecordedRequest>> journal;
    private readonly string botIdHeaderName;

    internal LineSentRequests(Func<IReadOnlyList<LineRecordedRequest>> journal, string botIdHeaderName)
    {
        this.journal = journal;
        this.botIdHeaderName = botIdHeaderName;
    }

    /// <summary>The accepted pushes for the OA.</summary>
    public IReadOnlyList<PushMessageRequest> Pushes(string botId) => Of<PushMessageRequest>("pushMessage", botId);

    /// <summary>The accepted replies for the OA.</summary>
    public IReadOnlyList<ReplyMessageRequest> Replies(string botId) => Of<ReplyMessageRequest>("replyMessage", botId);

    /// <summary>The accepted multicasts for the OA.</summary>
    public IReadOnlyList<MulticastRequest> Multicasts(string botId) => Of<MulticastRequest>("multicast", botId);

    /// <summary>The accepted narrowcasts for the OA.</summary>
    public IReadOnlyList<NarrowcastRequest> Narrowcasts(string botId) => Of<NarrowcastRequest>("narrowcast", botId);

    /// <summary>The accepted broadcasts for the OA.</summary>
    public IReadOnlyList<BroadcastRequest> Broadcasts(string botId) => Of<BroadcastRequest>("broadcast", botId);

    /// <summary>The JSON bodies of the accepted calls of <paramref name="operationId"/> (for one OA when <paramref name="botId"/> is given), as <typeparamref name="T"/>.</summary>
    /// <exception cref="JsonException">A body is not a <typeparamref name="T"/>: the type does not belong to the operation.</exception>
    public IReadOnlyList<T> Of<T>(string operationId, string? botId = null)
        where T : ILineJsonModel<T> =>
        Requests(operationId, botId).Select(request => Read<T>(request.BodyBytes)).ToList();

    /// <summary>The accepted calls of <paramref name="operationId"/> as recorded (for one OA when <paramref name="botId"/> is given).</summary>
    public IReadOnlyList<LineRecordedRequest> Requests(string operationId, string? botId = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(operationId);
        return journal()
            .Where(request => request.OperationId == operationId && request.Conformed && request.Status is >= 200 and < 300)
            .Where(request => botId is null || request.Header(botIdHeaderName) == botId)
            .ToList();
    }

    private static T Read<T>(byte[] json)
        where T : ILineJsonModel<T>
    {
        var reader = new Utf8JsonReader(json);
        if (!reader.Read())
        {
            throw new JsonException($"An accepted request has no JSON body to read as {typeof(T).Name}.");
        }

        return T.ReadJson(ref reader);
    }
}
