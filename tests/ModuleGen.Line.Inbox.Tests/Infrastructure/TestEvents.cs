using System.Text;
using ModuleGen.Line.Inbox;

namespace ModuleGen.Line.Inbox.Tests.Infrastructure;

internal static class TestEvents
{
    public const string Destination = "U0123456789abcdef0123456789abcdef";

    /// <summary>User data inside every test event's body: it must never reach a log.</summary>
    public const string PrivateUserText = "my secret address is 1-2-3 Shibuya";

    public const string OtherDestination = "Ufedcba9876543210fedcba9876543210";

    public static LineInboxEvent Message(
        string webhookEventId, bool isRedelivery = false, long timestamp = 1751371200000, string destination = Destination)
    {
        var json = $$$"""
            {"type":"message","mode":"active","timestamp":{{{timestamp}}},"webhookEventId":"{{{webhookEventId}}}","deliveryContext":{"isRedelivery":{{{(isRedelivery ? "true" : "false")}}}},"source":{"type":"user","userId":"LUb577ef3cbe786a8da85ff8e902a03fc6-U0123456789abcdef0123456789abcdef"},"replyToken":"r","message":{"id":"1","type":"text","quoteToken":"q","text":"{{{PrivateUserText}}}"}}
            """;
        return new LineInboxEvent(destination, webhookEventId, "message", timestamp, isRedelivery, Encoding.UTF8.GetBytes(json));
    }

    /// <summary>A ULID-shaped ID, distinct per <paramref name="number"/>.</summary>
    public static string Id(int number) => $"01J2ZK7Q8R3M5N6P7Q8R{number:D6}";
}
