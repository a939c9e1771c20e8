using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ModuleGen.Line.AspNetCore.Webhooks;
using ModuleGen.Line.Webhooks;

namespace ModuleGen.Line.Webhooks.Tests.Infrastructure;

/// <summary>One handler call as the handler saw it.</summary>
internal sealed record HandledEvent(string Handler, Event Event, LineTenantContext Context);

/// <summary>Collects every handler call of a test host (a singleton the scoped handlers share).</summary>
internal sealed class HandlerRecorder
{
    private readonly ConcurrentQueue<HandledEvent> _calls = new();
    private readonly SemaphoreSlim _arrived = new(0);

    public IReadOnlyList<HandledEvent> Calls => _calls.ToArray();

    public void Record(HandledEvent call)
    {
        _calls.Enqueue(call);
        _arrived.Release();
    }

    /// <summary>Waits until at least <paramref name="count"/> calls were recorded.</summary>
    public async Task<IReadOnlyList<HandledEvent>> WaitForAsync(int count, TimeSpan? timeout = null)
    {
        using var cancellation = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        while (_calls.Count < count)
        {
            await _arrived.WaitAsync(cancellation.Token);
        }

        return Calls;
    }
}

/// <summary>Records the call, then completes.</summary>
internal sealed class RecordingHandler<TEvent> : ILineWebhookHandler<TEvent>
    where TEvent : Event
{
    private readonly HandlerRecorder _recorder;

    public RecordingHandler(HandlerRecorder recorder) => _recorder = recorder;

    public ValueTask HandleAsync(TEvent webhookEvent, LineTenantContext context, CancellationToken cancellationToken)
    {
        _recorder.Record(new HandledEvent(GetType().Name + "<" + typeof(TEvent).Name + ">", webhookEvent, context));
        return ValueTask.CompletedTask;
    }
}

/// <summary>Records the call, then fails.</summary>
internal sealed class FailingHandler<TEvent> : ILineWebhookHandler<TEvent>
    where TEvent : Event
{
    private readonly HandlerRecorder _recorder;

    public FailingHandler(HandlerRecorder recorder) => _recorder = recorder;

    public ValueTask HandleAsync(TEvent webhookEvent, LineTenantContext context, CancellationToken cancellationToken)
    {
        _recorder.Record(new HandledEvent("failing", webhookEvent, context));
        throw new InvalidOperationException("The handler failed on purpose.");
    }
}

/// <summary>Replies "ok" with the reply helper.</summary>
internal sealed class ReplyingHandler : ILineWebhookHandler<MessageEvent>
{
    private readonly HandlerRecorder _recorder;

    public ReplyingHandler(HandlerRecorder recorder) => _recorder = recorder;

    public async ValueTask HandleAsync(MessageEvent webhookEvent, LineTenantContext context, CancellationToken cancellationToken)
    {
        var reply = context.Reply ?? throw new InvalidOperationException("An active message has a reply helper.");
        await reply.ReplyAsync(new ModuleGen.Line.Models.TextMessage { Text = "ok" });
        _recorder.Record(new HandledEvent("replying", webhookEvent, context));
    }
}

/// <summary>Knows the scopes of one OA.</summary>
internal sealed class FixedScopeStore : ILineTenantScopeStore
{
    public static readonly string[] Scopes = ["message:send", "message:receive"];

    public ValueTask<IReadOnlyCollection<string>?> GetGrantedScopesAsync(string botId, CancellationToken cancellationToken)
        => ValueTask.FromResult<IReadOnlyCollection<string>?>(Scopes.ToArray());
}
