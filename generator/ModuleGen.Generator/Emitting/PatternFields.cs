using System;
using System.Collections.Generic;
using System.Linq;
using ModuleGen.Generator.Helpers;
using ModuleGen.Generator.Model;

namespace ModuleGen.Generator.Emitting;

/// <summary>
/// The regexes of one generated type: one <c>private static readonly Regex</c> per distinct pattern, the one mechanism for
/// scope patterns and constraint patterns alike. [GeneratedRegex] cannot be used: code emitted by a source generator is
/// never seen by other generators, so the Regex generator would leave the partial method without a body.
/// </summary>
internal sealed class PatternFields
{
    private readonly List<KeyValuePair<string, string>> _fields = new();

    /// <summary>Declares a field for <paramref name="pattern"/> unless one exists, named after its first user.</summary>
    public void Add(string? pattern, string hint)
    {
        if (pattern is null || _fields.Any(field => field.Key == pattern))
        {
            return;
        }

        var baseName = "s_" + Naming.StripAt(Naming.ToCamelCase(hint)) + "Pattern";
        var name = baseName;
        for (var suffix = 2; _fields.Any(field => field.Value == name); suffix++)
        {
            name = baseName + suffix.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        _fields.Add(new KeyValuePair<string, string>(pattern, name));
    }

    /// <summary>Adds the pattern of each value that ConstraintChecks will check against one (strings only).</summary>
    public void Add(TypeRef type, ConstraintSpec constraints, string hint)
    {
        if (type.Kind == TypeKind.String)
        {
            Add(constraints.Pattern, hint);
        }
    }

    /// <summary>The field that holds <paramref name="pattern"/>; declared beforehand by <see cref="Add(string?, string)"/>.</summary>
    public string Field(string pattern)
        => _fields.FirstOrDefault(field => field.Key == pattern).Value
           ?? throw new InvalidOperationException($"the pattern '{pattern}' was not declared for this type");

    public void Write(SourceWriter writer)
    {
        foreach (var field in _fields)
        {
            writer.WriteLine($"private static readonly global::System.Text.RegularExpressions.Regex {field.Value} = new global::System.Text.RegularExpressions.Regex({TypeNames.Literal(field.Key)}, global::System.Text.RegularExpressions.RegexOptions.CultureInvariant);");
        }

        if (_fields.Count > 0)
        {
            writer.WriteLine();
        }
    }
}
