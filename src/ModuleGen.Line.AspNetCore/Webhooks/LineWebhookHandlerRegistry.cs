using System;
using System.Collections.Generic;
using ModuleGen.Line.Webhooks;

namespace ModuleGen.Line.AspNetCore.Webhooks;

/// <summary>
/// Which handler serves which event type. Filled by <see cref="LineWebhookBuilder.AddHandler{TEvent, THandler}"/>
/// while the container is built, read-only afterwards. Each entry is a closed generic delegate, so dispatch needs no
/// reflection (the package is trim- and AOT-safe).
/// </summary>
internal sealed class LineWebhookHandlerRegistry
{
    private readonly Dictionary<Type, LineWebhookDispatch> _dispatchers = new();

    public void Add(Type eventType, LineWebhookDispatch dispatch)
    {
        if (!_dispatchers.TryAdd(eventType, dispatch))
        {
            throw new InvalidOperationException(
                $"A webhook handler for {eventType.Name} is already registered; register one handler per event type.");
        }
    }

    /// <summary>
    /// The handler for the event's own type, else for its nearest base type: with the generated hierarchy that is
    /// the <see cref="Event"/> catch-all. Null when neither is registered.
    /// </summary>
    public LineWebhookDispatch? Find(Type eventType)
    {
        for (var type = eventType; type is not null && type != typeof(object); type = type.BaseType)
        {
            if (_dispatchers.TryGetValue(type, out var dispatch))
            {
                return dispatch;
            }
        }

        return null;
    }
}
