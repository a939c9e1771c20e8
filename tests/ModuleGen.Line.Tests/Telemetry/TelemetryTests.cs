using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using ModuleGen.Line.Diagnostics;
using ModuleGen.Line.Tests.Infrastructure;
using ModuleGen.Line.Tests.Messaging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Shouldly;
using Xunit;

namespace ModuleGen.Line.Tests.Telemetry;

/// <summary>
/// The ActivitySource and Meter named after the package, captured with OpenTelemetry's in-memory exporter. Other tests
/// run at the same time, so everything here is told apart by its own host (server.address) and bot.
/// </summary>
public sealed class TelemetryTests
{
    private const string Host = "telemetry.test";
    private const string Bot = "U7e1e0000000000000000000000000001";

    [Fact]
    public async Task EachCallIsOneActivityAndTheMetersCountRequestsRetries429sAndLimiterRejections()
    {
        var activities = new List<Activity>();
        var metrics = new List<Metric>();
        using var tracing = Sdk.CreateTracerProviderBuilder().AddSource(LineTelemetry.Name).AddInMemoryExporter(activities).Build();
        using var meters = Sdk.CreateMeterProviderBuilder().AddMeter(LineTelemetry.Name).AddInMemoryExporter(metrics).Build();
        var line = new FakeLineHandler((request, n) => request.Uri.AbsolutePath switch
        {
            "/v2/bot/message/push" when n == 1 => Faults.ServerError(),
            "/v2/bot/message/push" when n == 2 => Faults.Ok("req-telemetry"),
            "/v2/bot/message/push" => Faults.TooManyRequests(Faults.MonthlyLimitMessage),
            _ => Faults.Ok(),
        });
        using var host = LineTestHost.Create(line, new Dictionary<string, string?>
        {
            ["Endpoints:*"] = $"http://{Host}/",
            ["RateLimits:QueueTime"] = "00:00:00.100",
            ["RateLimits:Limits:getBotInfo:Requests"] = "3",
            ["RateLimits:Limits:getBotInfo:Per"] = "Hour",
        });
        var bot = host.Bot(Bot);

        await bot.PushMessageAsync(MessagingTestContext.Push());
        await Should.ThrowAsync<LineMonthlyQuotaExceededException>(bot.PushMessageAsync(MessagingTestContext.Push()));
        await bot.GetBotInfoAsync();
        await Should.ThrowAsync<LineRateLimitRejectedException>(bot.GetBotInfoAsync());
        tracing.ForceFlush();
        meters.ForceFlush();

        var mine = activities.Where(a => Equals(a.GetTagItem("line.bot_id"), Bot)).ToArray();
        mine.Length.ShouldBe(4);
        var delivered = mine[0];
        delivered.DisplayName.ShouldBe("LINE pushMessage");
        delivered.Kind.ShouldBe(ActivityKind.Client);
        delivered.GetTagItem("line.operation").ShouldBe("pushMessage");
        delivered.GetTagItem("http.response.status_code").ShouldBe(200);
        delivered.GetTagItem("line.attempts").ShouldBe(2);
        delivered.GetTagItem("line.retry_key").ShouldBe(line.Requests[0].Header("X-Line-Retry-Key"));
        delivered.GetTagItem("line.request_id").ShouldBe("req-telemetry");
        mine[1].GetTagItem("http.response.status_code").ShouldBe(429);
        mine[1].Status.ShouldBe(ActivityStatusCode.Error);
        mine[3].GetTagItem("error.type").ShouldBe(nameof(LineRateLimitRejectedException));

        Sum(metrics, "modulegen.line.client.requests", ("line.operation", "pushMessage"), ("http.response.status_code", 200)).ShouldBe(1);
        Sum(metrics, "modulegen.line.client.requests", ("line.operation", "pushMessage"), ("http.response.status_code", 429)).ShouldBe(1);
        Sum(metrics, "modulegen.line.client.requests", ("line.operation", "getBotInfo"), ("http.response.status_code", 0)).ShouldBe(1);
        Sum(metrics, "modulegen.line.client.retries", ("line.operation", "pushMessage"), ("line.retry.reason", "500")).ShouldBe(1);
        Sum(metrics, "modulegen.line.client.too_many_requests", ("line.too_many_requests.kind", "MonthlyQuota")).ShouldBe(1);
        Sum(metrics, "modulegen.line.client.rate_limiter.rejections", ("line.operation", "getBotInfo")).ShouldBe(1);
        HistogramCount(metrics, "modulegen.line.client.request.duration").ShouldBe(4);
    }

    private static IEnumerable<MetricPoint> Points(List<Metric> metrics, string name)
    {
        foreach (var metric in metrics.Where(m => m.Name == name))
        {
            foreach (ref readonly var point in metric.GetMetricPoints())
            {
                if (Tag(point, "server.address") is Host)
                {
                    yield return point;
                }
            }
        }
    }

    private static long Sum(List<Metric> metrics, string name, params (string Key, object Value)[] tags)
        => Points(metrics, name).Where(p => tags.All(t => Equals(Tag(p, t.Key), t.Value))).Sum(p => p.GetSumLong());

    private static long HistogramCount(List<Metric> metrics, string name) => Points(metrics, name).Sum(p => p.GetHistogramCount());

    private static object? Tag(MetricPoint point, string key)
    {
        foreach (var tag in point.Tags)
        {
            if (tag.Key == key)
            {
                return tag.Value;
            }
        }

        return null;
    }
}
