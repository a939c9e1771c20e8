using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ModuleGen.Line.Inbox;
using ModuleGen.Line.Inbox.Sqlite;
using ModuleGen.Line.Inbox.Tests.Infrastructure;
using Shouldly;
using Xunit;

namespace ModuleGen.Line.Inbox.Tests;

public sealed class ServiceRegistrationTests
{
    [Fact]
    public async Task RegisteredWorkerHandlesAnEventAnnouncedThroughTheSignal()
    {
        using var database = new TemporaryDatabase();
        var handled = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(new SignallingProcessor(handled))
            .AddSqliteLineWebhookInbox(database.Path)
            .AddLineWebhookInbox<SignallingProcessorAdapter>(options => options.PollInterval = TimeSpan.FromHours(1));
        await using var provider = services.BuildServiceProvider(validateScopes: true);
        var worker = provider.GetServices<IHostedService>().ShouldHaveSingleItem();
        await worker.StartAsync(CancellationToken.None);

        await provider.GetRequiredService<ILineWebhookInbox>()
            .EnqueueAsync([TestEvents.Message(TestEvents.Id(1))], CancellationToken.None);
        provider.GetRequiredService<ILineWebhookInboxSignal>().NotifyEnqueued();

        (await handled.Task.WaitAsync(TimeSpan.FromSeconds(30))).ShouldBe(TestEvents.Id(1));
        await worker.StopAsync(CancellationToken.None);
        provider.GetRequiredService<ILineWebhookInbox>().ShouldBeOfType<SqliteLineWebhookInbox>();
    }

    [Fact]
    public void InMemoryInboxCanBeRegisteredForTests()
    {
        using var provider = new ServiceCollection().AddInMemoryLineWebhookInbox().BuildServiceProvider();

        provider.GetRequiredService<ILineWebhookInbox>().ShouldBeOfType<InMemoryLineWebhookInbox>();
    }

    private sealed class SignallingProcessor(TaskCompletionSource<string> handled)
    {
        public void Handled(LineInboxEntry entry) => handled.TrySetResult(entry.Event.WebhookEventId);
    }

    private sealed class SignallingProcessorAdapter(SignallingProcessor processor) : ILineInboxEventProcessor
    {
        public ValueTask ProcessAsync(LineInboxEntry entry, CancellationToken cancellationToken)
        {
            processor.Handled(entry);
            return ValueTask.CompletedTask;
        }
    }
}
