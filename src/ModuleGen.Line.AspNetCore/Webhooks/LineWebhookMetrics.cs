using System.Collections.Generic;
using System.Diagnostics.Metrics;
using ModuleGen.Line.Webhooks;

namespace ModuleGen.Line.AspNetCore.Webhooks;

/// <summary>
/// The webhook endpoint's instruments, on the meter <c>ModuleGen.Line.AspNetCore</c> (created through
/// <see cref="IMeterFactory"/>, so each host has its own).
/// </summary>
internal sealed class LineWebhookMetrics
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "ModuleGen.Line.AspNetCore";

    private readonly Counter<long> _rejected;
    private readonly Counter<long> _stored;
    private readonly Counter<long> _duplicates;
    private readonly Counter<long> _problems;

    public LineWebhookMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _rejected = meter.CreateCounter<long>("modulegen.webhook.requests.rejected", "{request}", "Webhook requests answered with a 4xx, by reason.");
        _stored = meter.CreateCounter<long>("modulegen.webhook.events.stored", "{event}", "Webhook events stored in the inbox.");
        _duplicates = meter.CreateCounter<long>("modulegen.webhook.events.duplicate", "{event}", "Webhook events already in the inbox.");
        _problems = meter.CreateCounter<long>("modulegen.webhook.problems", "{problem}", "Problems found in accepted webhook bodies, by kind: missing destination, unreadable events, missing required properties.");
    }

    public void Rejected(string reason) => _rejected.Add(1, new KeyValuePair<string, object?>("reason", reason));

    public void Stored(int stored, int duplicates)
    {
        _stored.Add(stored);
        _duplicates.Add(duplicates);
    }

    public void Problem(LineWebhookProblemKind kind) => _problems.Add(1, new KeyValuePair<string, object?>("kind", kind.ToString()));
}
