using System;
using System.Collections.Generic;

namespace ModuleGen.Line.Webhooks;

/// <summary>
/// A webhook body read in one pass: the envelope's <c>destination</c>, every event with its raw JSON, its deduplication
/// key and the members an inbox stores, and every problem found. Nothing in an event can make the body fail; see
/// <see cref="LineWebhookParser.ParseBatch(ReadOnlyMemory{byte}, string?, IReadOnlyCollection{string}, int)"/>.
/// </summary>
/// <remarks>
/// The pass reads only the top-level members every event shares; an event is read as its type when its
/// <see cref="LineWebhookBatchEvent.Event"/> (or <see cref="LineWebhookBatchEvent.MissingProperties"/>, or the
/// batch's <see cref="Problems"/>) is first asked for, so an endpoint that only stores events never pays for typing
/// them. Reading is safe from several threads at once.
/// </remarks>
public sealed class LineWebhookBatch
{
    private readonly LineWebhookProblem? _destinationProblem;
    private IReadOnlyList<LineWebhookProblem>? _problems;

    internal LineWebhookBatch(string? destination, IReadOnlyList<LineWebhookBatchEvent> events, LineWebhookProblem? destinationProblem)
    {
        Destination = destination;
        Events = events;
        _destinationProblem = destinationProblem;
    }

    /// <summary>
    /// The envelope's <c>destination</c>: the bot user ID of the OA the events belong to. <see langword="null"/> when the
    /// body has none (or not as a non-empty string): the events then belong to an unknown tenant.
    /// </summary>
    public string? Destination { get; }

    /// <summary>The events, in the order of the body.</summary>
    public IReadOnlyList<LineWebhookBatchEvent> Events { get; }

    /// <summary>
    /// Every problem found, in the order of the body; empty for a body that matches the spec. Asking for it reads every
    /// event as its type.
    /// </summary>
    public IReadOnlyList<LineWebhookProblem> Problems => _problems ??= FindProblems();

    /// <summary>The batch as the generated envelope model (a <see langword="null"/> destination becomes empty).</summary>
    public CallbackRequest ToCallbackRequest()
    {
        var events = new List<Event>(Events.Count);
        foreach (var item in Events)
        {
            events.Add(item.Event);
        }

        return new CallbackRequest { Destination = Destination ?? string.Empty, Events = events };
    }

    private List<LineWebhookProblem> FindProblems()
    {
        var problems = new List<LineWebhookProblem>();
        if (_destinationProblem is not null)
        {
            problems.Add(_destinationProblem);
        }

        foreach (var item in Events)
        {
            if (item.Event is UnreadableEvent unreadable)
            {
                problems.Add(new LineWebhookProblem(LineWebhookProblemKind.EventUnreadable, unreadable.JsonPath, unreadable.Reason));
            }

            foreach (var property in item.MissingProperties)
            {
                problems.Add(new LineWebhookProblem(
                    LineWebhookProblemKind.RequiredPropertyMissing, LineWebhookParser.EventPath(item.Index), property));
            }
        }

        return problems;
    }
}
