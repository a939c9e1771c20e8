using System;
using System.Diagnostics;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ModuleGen.Line.Inbox;
using ModuleGen.Line.Inbox.Sqlite;
using ModuleGen.Line.Inbox.Tests.Infrastructure;
using ModuleGen.Tests.Shared;
using Shouldly;
using Xunit;

namespace ModuleGen.Line.Inbox.Tests;

/// <summary>The promise of the inbox: an event acknowledged with 200 is handled even if the process dies right after.</summary>
public sealed class CrashRecoveryTests : IDisposable
{
    private const int SigKillExitCode = 128 + 9;
    private static readonly TimeSpan LeaseDuration = new LineWebhookInboxOptions().LeaseDuration;
    private static readonly CancellationToken None = CancellationToken.None;

    private readonly TemporaryDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task EventLeasedByAProcessThatDiedIsHandledOnceAfterRestart()
    {
        var beforeCrash = new SqliteLineWebhookInbox(Options(), new ManualTimeProvider());
        await beforeCrash.EnqueueAsync([TestEvents.Message(TestEvents.Id(1))], None);
        (await beforeCrash.LeaseAsync(32, LeaseDuration, None)).ShouldHaveSingleItem();
        beforeCrash.Dispose();

        var afterRestart = new ManualTimeProvider(ManualTimeProvider.DefaultStart + LeaseDuration);
        var processor = await HandleEverythingDueAsync(afterRestart);

        processor.Calls.ShouldBe([(TestEvents.Id(1), 2)]);
        processor.Handled.ShouldBe([(TestEvents.Id(1), 2)]);
    }

    [Fact]
    public async Task EventEnqueuedByAKilledProcessIsHandledOnceAfterRestart()
    {
        var webhookEventId = TestEvents.Id(1);
        var crashHost = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            ArgumentList = { CrashHostPath(), _database.Path, webhookEventId },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };

        string output, errors;
        int exitCode;
        using (var process = Process.Start(crashHost).ShouldNotBeNull())
        {
            using var hang = new CancellationTokenSource(TimeSpan.FromMinutes(1));
            var errorsRead = process.StandardError.ReadToEndAsync(hang.Token);
            output = await process.StandardOutput.ReadToEndAsync(hang.Token);
            errors = await errorsRead;
            await process.WaitForExitAsync(hang.Token);
            exitCode = process.ExitCode;
        }

        exitCode.ShouldBe(SigKillExitCode, $"stdout: {output} stderr: {errors}");
        output.ShouldBe($"stored 1{Environment.NewLine}leased 1{Environment.NewLine}");
        var afterRestart = new ManualTimeProvider(DateTimeOffset.UtcNow + LeaseDuration + TimeSpan.FromMinutes(1));
        var processor = await HandleEverythingDueAsync(afterRestart);

        processor.Calls.ShouldBe([(webhookEventId, 2)]);
        processor.Handled.ShouldBe([(webhookEventId, 2)]);
    }

    /// <summary>Opens the file as a restarted process would and runs its worker until nothing is due for a day.</summary>
    private async Task<RecordingProcessor> HandleEverythingDueAsync(ManualTimeProvider clock)
    {
        var processor = RecordingProcessor.Succeeding();
        using var inbox = new SqliteLineWebhookInbox(Options(), clock);
        var worker = new LineWebhookInboxWorker(
            inbox,
            processor,
            new LineWebhookInboxSignal(),
            Microsoft.Extensions.Options.Options.Create(new LineWebhookInboxOptions()),
            NullLogger<LineWebhookInboxWorker>.Instance,
            clock);

        while (await worker.ProcessDueEventsAsync(None) > 0)
        {
        }

        clock.Advance(TimeSpan.FromDays(1));
        (await worker.ProcessDueEventsAsync(None)).ShouldBe(0);
        (await inbox.GetStatisticsAsync(None)).Completed.ShouldBe(1);
        return processor;
    }

    private SqliteLineWebhookInboxOptions Options() => new() { DatabasePath = _database.Path };

    private static string CrashHostPath()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "ModuleGen.Line.Inbox.CrashHost.dll");
        File.Exists(path).ShouldBeTrue($"The crash host should be built next to the tests: {path}");
        return path;
    }
}
