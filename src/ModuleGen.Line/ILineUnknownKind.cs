using System.Text.Json;

namespace ModuleGen.Line;

/// <summary>
/// An object of a kind this version of the spec does not know (<c>UnknownEvent</c>, <c>UnknownMessageContent</c>, …):
/// its discriminator value and the JSON exactly as LINE sent it, which is also what is written back.
/// </summary>
public interface ILineUnknownKind
{
    /// <summary>The discriminator value LINE sent (for an event, its <c>type</c>); empty when there was none.</summary>
    string Kind { get; }

    /// <summary>The object exactly as it was read.</summary>
    JsonElement RawJson { get; }
}
