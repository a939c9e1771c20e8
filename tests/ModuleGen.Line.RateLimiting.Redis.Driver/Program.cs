using System;
using System.Diagnostics;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using ModuleGen.Line.RateLimiting.Redis;
using StackExchange.Redis;

// Usage: ModuleGen.Line.RateLimiting.Redis.Driver <redis endpoint> <bot id> <limit per second> <burst> <attempts per second> <seconds>
// Tries to call at the given pace and prints the Unix time in milliseconds of every permit it got, one per line.
if (args.Length != 6)
{
    Console.Error.WriteLine("usage: ModuleGen.Line.RateLimiting.Redis.Driver <redis> <bot id> <limit/s> <burst> <attempts/s> <seconds>");
    return 2;
}

var limit = double.Parse(args[2], CultureInfo.InvariantCulture);
var burst = int.Parse(args[3], CultureInfo.InvariantCulture);
var attemptsPerSecond = double.Parse(args[4], CultureInfo.InvariantCulture);
var duration = TimeSpan.FromSeconds(double.Parse(args[5], CultureInfo.InvariantCulture));
using var redis = await ConnectionMultiplexer.ConnectAsync(args[0]);
var options = new RedisLineRateLimiterOptions();
options.Limits["pushMessage"] = new LineSharedRateLimit(limit, burst);
var limiter = new RedisLineRateLimiter(redis, options);

Console.WriteLine("ready");
// Both drivers start on the same wall-clock second, so their attempts overlap for the whole run.
await Task.Delay(TimeSpan.FromMilliseconds(1000 - DateTimeOffset.UtcNow.Millisecond));
var interval = TimeSpan.FromSeconds(1 / attemptsPerSecond);
var clock = Stopwatch.StartNew();
for (long attempt = 0; clock.Elapsed < duration; attempt++)
{
    if ((await limiter.TryAcquireAsync(args[1], "pushMessage", CancellationToken.None)).IsAcquired)
    {
        Console.WriteLine(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));
    }

    var next = interval * (attempt + 1) - clock.Elapsed;
    if (next > TimeSpan.Zero)
    {
        await Task.Delay(next);
    }
}

return 0;
