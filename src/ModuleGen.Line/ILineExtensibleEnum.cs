namespace ModuleGen.Line;

/// <summary>
/// An open set of string values (every generated enum): a value LINE adds later reads and writes back unchanged
/// instead of failing.
/// </summary>
public interface ILineExtensibleEnum
{
    /// <summary>Whether the value is one of those this version of the spec lists.</summary>
    bool IsKnown { get; }

    /// <summary>The JSON value; empty for the default value.</summary>
    string ToString();
}
