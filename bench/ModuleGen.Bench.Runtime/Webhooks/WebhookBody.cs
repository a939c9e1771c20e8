using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;

namespace ModuleGen.Bench.Runtime.Webhooks;

/// <summary>
/// A 20-event webhook body as LINE would POST it: the first event of the first 20 single-event fixtures of
/// tests/fixtures/webhooks, one per event type, under one destination.
/// </summary>
public static class WebhookBody
{
    public const string ChannelSecret = "8c570fa6dd201bb328f1c1eac23a96d8";

    public static byte[] TwentyEvents(string fixtureDirectory)
    {
        var events = new JsonArray();
        var fixtures = Directory.GetFiles(fixtureDirectory, "*.active.json")
            .Where(path => Path.GetFileName(path).Count(c => c == '.') == 2)
            .OrderBy(path => path, StringComparer.Ordinal)
            .Take(20);
        string? destination = null;
        foreach (var fixture in fixtures)
        {
            var body = JsonNode.Parse(File.ReadAllText(fixture))!;
            destination ??= (string?)body["destination"];
            events.Add(body["events"]![0]!.DeepClone());
        }

        if (events.Count != 20)
        {
            throw new InvalidOperationException($"{fixtureDirectory} has {events.Count} single-event fixtures, not 20.");
        }

        return Encoding.UTF8.GetBytes(new JsonObject { ["destination"] = destination, ["events"] = events }.ToJsonString());
    }
}
