using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using ModuleGen.Line.Models;

namespace ModuleGen.Line.AspNetCore.Webhooks;

/// <summary>
/// Replies to the event being handled. It exists only when the event carries a reply token, which LINE gives only in
/// <c>active</c> mode: a standby module must not answer, and so cannot.
/// </summary>
/// <remarks>
/// A reply token is single-use and expires about a minute after the event, so a reply from a retried attempt may be
/// refused by LINE (a <see cref="LineApiException"/>); fall back to a push message where that matters.
/// </remarks>
public sealed class LineReplyContext
{
    private readonly MessagingApiBotClient _messaging;
    private readonly CancellationToken _cancellationToken;

    /// <summary>Creates a reply helper for one event.</summary>
    /// <param name="messaging">The Messaging API client of the OA the event is for.</param>
    /// <param name="replyToken">The event's reply token.</param>
    /// <param name="cancellationToken">The token that cancels <see cref="ReplyAsync(Message[])"/>.</param>
    public LineReplyContext(MessagingApiBotClient messaging, string replyToken, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messaging);
        ArgumentException.ThrowIfNullOrEmpty(replyToken);

        _messaging = messaging;
        ReplyToken = replyToken;
        _cancellationToken = cancellationToken;
    }

    /// <summary>The event's reply token.</summary>
    public string ReplyToken { get; }

    /// <summary>Replies with up to five messages, cancelled with the handling of the event.</summary>
    public Task<LineResponse<ReplyMessageResponse>> ReplyAsync(params Message[] messages)
        => ReplyAsync(messages, notificationDisabled: null, _cancellationToken);

    /// <summary>Replies with up to five messages.</summary>
    /// <param name="messages">The messages.</param>
    /// <param name="notificationDisabled">Whether the user is not notified; LINE's default (notified) when null.</param>
    /// <param name="cancellationToken">The token that cancels the call.</param>
    public Task<LineResponse<ReplyMessageResponse>> ReplyAsync(
        IEnumerable<Message> messages,
        bool? notificationDisabled,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);

        var request = new ReplyMessageRequest
        {
            ReplyToken = ReplyToken,
            Messages = new List<Message>(messages),
            NotificationDisabled = notificationDisabled,
        };
        return _messaging.ReplyMessageAsync(request, cancellationToken);
    }
}
