using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using ModuleGen.Line.AspNetCore.Webhooks;
using ModuleGen.Line.Models;
using ModuleGen.Line.Webhooks;

namespace ModuleGen.Samples.Reservations;

/// <summary>Greets a new friend, when the module is the active channel (standby events have no reply token).</summary>
internal sealed class WelcomeHandler : ILineWebhookHandler<FollowEvent>
{
    public async ValueTask HandleAsync(FollowEvent webhookEvent, LineTenantContext oa, CancellationToken cancellationToken)
    {
        if (oa.Reply is { } reply)
        {
            await reply.ReplyAsync(new TextMessage { Text = "Welcome! Send \"table for 2\" to book a table." });
        }
    }
}

/// <summary>Answers "table for N" with the free slot and a Book button; silent in standby.</summary>
internal sealed class TableRequestHandler : ILineWebhookHandler<MessageEvent>
{
    public async ValueTask HandleAsync(MessageEvent webhookEvent, LineTenantContext oa, CancellationToken cancellationToken)
    {
        if (oa.Reply is not { } reply || webhookEvent.Message is not TextMessageContent { Text: { } text })
        {
            return;
        }

        var guests = ParseGuests(text);
        await reply.ReplyAsync(new TextMessage
        {
            Text = $"A table for {guests} is free at 19:00. Book it?",
            QuickReply = new QuickReply
            {
                Items =
                [
                    new QuickReplyItem
                    {
                        Action = new PostbackAction { Label = "Book 19:00", Data = $"book:19:00:{guests}", DisplayText = "Book 19:00" },
                    },
                ],
            },
        });
    }

    private static int ParseGuests(string text)
    {
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (int.TryParse(word, NumberStyles.None, CultureInfo.InvariantCulture, out var guests) && guests is > 0 and < 20)
            {
                return guests;
            }
        }

        return 2;
    }
}

/// <summary>
/// Books the table and confirms with a push. The push carries a retry key derived from the event, so when this handler
/// is retried (LINE accepted the push but the answer was lost) LINE answers 409 instead of sending it twice.
/// </summary>
internal sealed class BookingHandler : ILineWebhookHandler<PostbackEvent>
{
    public async ValueTask HandleAsync(PostbackEvent webhookEvent, LineTenantContext oa, CancellationToken cancellationToken)
    {
        if (webhookEvent.Postback?.Data is not { } data || !data.StartsWith("book:", StringComparison.Ordinal)
            || webhookEvent.Source is not UserSource { UserId: { } guest })
        {
            return;
        }

        var parts = data.Split(':');
        await oa.Messaging.PushMessageAsync(
            new PushMessageRequest
            {
                To = guest,
                Messages = [new TextMessage { Text = $"Booked: a table for {parts[^1]} at {parts[1]}:{parts[2]}. See you!" }],
            },
            oa.RetryKeyFor("booking-confirmation", guest),
            cancellationToken);
    }
}

/// <summary>Everything else, including event types newer than this build (UnknownEvent) and unreadable ones.</summary>
internal sealed class IgnoreOtherEvents : ILineWebhookHandler<Event>
{
    public ValueTask HandleAsync(Event webhookEvent, LineTenantContext oa, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
