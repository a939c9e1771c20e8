using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using ModuleGen.Line.AspNetCore.Webhooks;
using ModuleGen.Line.Inbox.Sqlite;
using ModuleGen.Line.Webhooks.Tests.Infrastructure;
using Shouldly;
using Xunit;

namespace ModuleGen.Line.Webhooks.Tests;

public sealed class SqliteEndpointTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("modulegen-webhooks-");

    private string DatabasePath => Path.Combine(_directory.FullName, "inbox.db");

    [Fact]
    public async Task AnEventAcknowledgedWith200IsAlreadyInTheSqliteFileWithItsExactBytes()
    {
        var gate = new HandlerGate();
        await using var host = await WebhookTestHost.StartAsync(
            w =>
            {
                w.Services.AddSingleton(gate);
                w.Services.AddSqliteLineWebhookInbox(DatabasePath);
                w.AddHandler<MessageEvent, GatedHandler>();
            },
            useInMemoryInbox: false);
        var body = Fixtures.Read("message.active.json");

        var response = await host.PostSignedAsync(body);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = DatabasePath,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString()))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT destination, event_type, event_timestamp, is_redelivery, event_json, state FROM inbox_events WHERE webhook_event_id = $id";
            command.Parameters.AddWithValue("$id", "01KXFPTJCWF0FQ2TXF9Y2YF399");
            using var reader = command.ExecuteReader();
            reader.Read().ShouldBeTrue("the acknowledged event is in the file");
            reader.GetString(0).ShouldBe("U2291b5e1143a20526e594f7dba3f8989");
            reader.GetString(1).ShouldBe("message");
            reader.GetInt64(2).ShouldBe(1784012425628);
            reader.GetInt64(3).ShouldBe(0);
            ((byte[])reader.GetValue(4)).ShouldBe(EndpointTests.RawEvent(body, 0));
            reader.GetInt64(5).ShouldBe(0, "still pending: the handler has not finished");
        }

        gate.Open();
        await host.Recorder.WaitForAsync(1);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            _directory.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A file still mapped by SQLite on some platforms; the temp directory is cleaned by the OS.
        }
    }

    private sealed class HandlerGate
    {
        private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Open() => _open.TrySetResult();

        public Task WaitAsync(CancellationToken cancellationToken) => _open.Task.WaitAsync(cancellationToken);
    }

    private sealed class GatedHandler(HandlerGate gate, HandlerRecorder recorder) : ILineWebhookHandler<MessageEvent>
    {
        public async ValueTask HandleAsync(MessageEvent webhookEvent, LineTenantContext context, CancellationToken cancellationToken)
        {
            await gate.WaitAsync(cancellationToken);
            recorder.Record(new HandledEvent("gated", webhookEvent, context));
        }
    }
}
