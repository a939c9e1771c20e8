using System.Text.Json;

namespace ModuleGen.Line;

/// <summary>
/// A model that reads and writes itself as JSON without reflection. Every generated model implements it; the
/// code is generated because a source generator's output is invisible to System.Text.Json's own generator.
/// </summary>
/// <remarks>
/// Reading and writing are lenient, because they serve what comes from LINE: a required property that is absent or
/// null is recorded (<c>MissingRequiredProperties</c>), not fatal, and whatever was read can be written back. What a
/// module sends is checked strictly by <see cref="Validate"/> before any request is made.
/// </remarks>
/// <typeparam name="TSelf">The model type.</typeparam>
public interface ILineJsonModel<TSelf>
    where TSelf : ILineJsonModel<TSelf>
{
    /// <summary>Reads the value the reader stands on (its first token); leaves the reader on its last token.</summary>
    static abstract TSelf ReadJson(ref Utf8JsonReader reader);

    /// <summary>Writes this value. Never checks constraints: a model read from LINE always writes back.</summary>
    void WriteJson(Utf8JsonWriter writer);

    /// <summary>
    /// Checks this value, at every depth, against the spec's constraints for a request: required properties present,
    /// lengths, patterns, counts and ranges.
    /// </summary>
    /// <exception cref="System.ArgumentException">A property is missing or outside its constraints; the parameter
    /// name is <c>Model.Property</c>.</exception>
    void Validate();
}
