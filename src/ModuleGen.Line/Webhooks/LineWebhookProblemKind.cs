namespace ModuleGen.Line.Webhooks;

/// <summary>What kind of problem a <see cref="LineWebhookProblem"/> is.</summary>
public enum LineWebhookProblemKind
{
    /// <summary>The envelope has no usable <c>destination</c>: its events belong to an unknown tenant.</summary>
    DestinationMissing,

    /// <summary>An event could not be read as its type; it is an <see cref="UnreadableEvent"/>.</summary>
    EventUnreadable,

    /// <summary>A property the spec requires is absent or null; the event is typed all the same.</summary>
    RequiredPropertyMissing,
}
