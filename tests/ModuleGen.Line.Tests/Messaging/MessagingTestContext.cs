using System.Collections.Generic;
using System.Net.Http;
using ModuleGen.Line.Models;
using ModuleGen.Line.Tests.Infrastructure;

namespace ModuleGen.Line.Tests.Messaging;

/// <summary>Messaging API clients on one pipeline whose HttpClient ends in a fake LINE.</summary>
internal static class MessagingTestContext
{
    public const string BotId = "U0123456789abcdef0123456789abcdef";
    public const string UserId = "LUb577ef3cbe786a8da85ff8e902a03fc6-U5fac33f633e72c192759f09afc41fa28";

    /// <summary>A client straight on the fake (no resilience), or one set up by <c>AddLineModule</c>.</summary>
    public static MessagingApiClient Client(FakeLineHandler handler, bool withResilience = false)
        => withResilience
            ? LineTestHost.Create(handler).Messaging
            : new MessagingApiClient(new LineClientPipeline(new HttpClient(handler), accessTokenProvider: new LineStaticAccessTokenProvider("module-token")));

    public static PushMessageRequest Push(string text = "Hello") => new()
    {
        To = UserId,
        Messages = new List<Message> { new TextMessage { Text = text } },
    };

    public static ReplyMessageRequest Reply() => new()
    {
        ReplyToken = "reply-token",
        Messages = new List<Message> { new TextMessage { Text = "Hello" } },
    };
}
