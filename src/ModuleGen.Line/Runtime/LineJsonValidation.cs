using System.Collections.Generic;
using System.ComponentModel;

namespace ModuleGen.Line.Runtime;

/// <summary>Validation of nested request models; used by generated <see cref="ILineJsonModel{TSelf}.Validate"/> code.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class LineJsonValidation
{
    /// <summary>Validates one nested model.</summary>
    public static void Validate<T>(T value)
        where T : ILineJsonModel<T>
        => value.Validate();

    /// <summary>Validates every model of a list; null items are refused with the list's name.</summary>
    public static void ValidateAll<T>(IEnumerable<T> values, string name)
        where T : ILineJsonModel<T>
    {
        foreach (var value in values)
        {
            if (value is null)
            {
                throw new System.ArgumentException("The list contains a null item.", name);
            }

            value.Validate();
        }
    }

    /// <summary>Validates every model of a map; null values are refused with the map's name.</summary>
    public static void ValidateValues<T>(IDictionary<string, T> values, string name)
        where T : ILineJsonModel<T>
        => ValidateAll(values.Values, name);
}
