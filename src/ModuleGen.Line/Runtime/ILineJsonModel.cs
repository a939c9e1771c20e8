using System.Text.Json;

namespace ModuleGen.Line.Runtime;

/// <summary>
/// A model that reads and writes itself as JSON without reflection. Every generated model implements it; the
/// code is generated because a source generator's output is invisible to System.Text.Json's own generator.
/// </summary>
/// <typeparam name="TSelf">The model type.</typeparam>
public interface ILineJsonModel<TSelf>
    where TSelf : ILineJsonModel<TSelf>
{
    /// <summary>Reads the value the reader stands on (its first token); leaves the reader on its last token.</summary>
    static abstract TSelf ReadJson(ref Utf8JsonReader reader);

    /// <summary>Writes this value.</summary>
    void WriteJson(Utf8JsonWriter writer);
}
