using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using ModuleGen.Line.Webhooks;

namespace ModuleGen.Bench.Endpoint;

/// <summary>
/// Signed webhook bodies of <c>events</c> text-message events each, every event with a webhookEventId never sent
/// before, so the inbox stores each one (a repeated ID would only measure deduplication).
/// </summary>
internal sealed class SignedBodies
{
    public const string ChannelSecret = "8c570fa6dd201bb328f1c1eac23a96d8";
    private const string Placeholder = "01KXFRQEK9870MWK0MGVZS7KMG";

    private readonly byte[] _template;
    private readonly int[] _idOffsets;
    private long _sequence;

    public SignedBodies(int events)
    {
        var fixture = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "fixtures", "message.text.active.json")))!;
        var one = fixture["events"]![0]!;
        var body = new JsonObject
        {
            ["destination"] = (string?)fixture["destination"],
            ["events"] = new JsonArray(Enumerable.Range(0, events).Select(_ => one.DeepClone()).ToArray()),
        };
        _template = Encoding.UTF8.GetBytes(body.ToJsonString());
        var placeholder = Encoding.ASCII.GetBytes(Placeholder);
        _idOffsets = Enumerable.Range(0, _template.Length - placeholder.Length)
            .Where(i => _template.AsSpan(i, placeholder.Length).SequenceEqual(placeholder))
            .ToArray();
        if (_idOffsets.Length != events)
        {
            throw new InvalidOperationException($"Found {_idOffsets.Length} webhookEventIds in the template, expected {events}.");
        }
    }

    public int Length => _template.Length;

    public (byte[] Body, string Signature) Next()
    {
        var body = (byte[])_template.Clone();
        foreach (var offset in _idOffsets)
        {
            // 26 characters like a ULID: a fixed prefix and a 20-digit counter, unique within the process.
            var id = "BENCH0" + Interlocked.Increment(ref _sequence).ToString("D20", System.Globalization.CultureInfo.InvariantCulture);
            Encoding.ASCII.GetBytes(id, body.AsSpan(offset, id.Length));
        }

        return (body, LineWebhookSignature.Compute(body, ChannelSecret));
    }
}
