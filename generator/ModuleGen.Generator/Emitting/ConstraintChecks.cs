using System.Collections.Generic;
using System.Linq;
using ModuleGen.Generator.Helpers;
using ModuleGen.Generator.Model;

namespace ModuleGen.Generator.Emitting;

/// <summary>
/// The runtime checks (LineArgument calls) that enforce a spec constraint on one value before anything is sent: shared by
/// operation parameters and by the writers of request models, so both reject the same input the same way.
/// </summary>
internal static class ConstraintChecks
{
    private const string Argument = TypeNames.Runtime + ".LineArgument";

    /// <summary>One statement per constraint that applies to a value of <paramref name="type"/>.</summary>
    /// <param name="type">The value's type; constraints of another kind (maxLength on a number) are ignored.</param>
    /// <param name="constraints">The spec's constraints.</param>
    /// <param name="value">A non-null expression of the value.</param>
    /// <param name="name">The expression naming the value in the exception (a <c>nameof(…)</c> or a string literal).</param>
    /// <param name="patterns">The regex fields of the type being written, where the pattern was declared.</param>
    public static List<string> For(TypeRef type, ConstraintSpec constraints, string value, string name, PatternFields patterns)
    {
        var checks = new List<string>();
        if (type.IsNumber)
        {
            if (constraints.Minimum is not null)
            {
                checks.Add($"{Argument}.AtLeast({value}, {constraints.Minimum}, {name});");
            }

            if (constraints.Maximum is not null)
            {
                checks.Add($"{Argument}.AtMost({value}, {constraints.Maximum}, {name});");
            }
        }

        if (type.Kind == TypeKind.String)
        {
            if (constraints.MinLength is not null || constraints.MaxLength is not null)
            {
                checks.Add($"{Argument}.Length({value}, {Nullable(constraints.MinLength)}, {Nullable(constraints.MaxLength)}, {name});");
            }

            if (constraints.Pattern is not null)
            {
                checks.Add($"{Argument}.Matches({value}, {patterns.Field(constraints.Pattern)}, {name});");
            }
        }

        if (type.Kind == TypeKind.Array && (constraints.MinItems is not null || constraints.MaxItems is not null))
        {
            checks.Add($"{Argument}.Count({value}, {Nullable(constraints.MinItems)}, {Nullable(constraints.MaxItems)}, {name});");
        }

        return checks;
    }

    /// <summary>
    /// The checks of a request model's property, written where its non-null value is at hand: a value outside the spec's
    /// constraints fails the write, so a body LINE would refuse is never sent. The exception names <c>Model.Property</c>.
    /// </summary>
    public static void WriteForProperty(SourceWriter writer, SchemaSpec schema, PropertySpec property, string value, PatternFields patterns)
    {
        var name = TypeNames.Literal(schema.Name + "." + property.PropertyName);
        foreach (var check in For(property.Type, property.Constraints, value, name, patterns))
        {
            writer.WriteLine(check);
        }
    }

    /// <summary>The regex fields a model's checks use: one per distinct pattern of its own properties.</summary>
    public static PatternFields PatternsOf(SchemaSpec schema)
    {
        var patterns = new PatternFields();
        foreach (var property in schema.Properties)
        {
            patterns.Add(property.Type, property.Constraints, property.PropertyName);
        }

        return patterns;
    }

    /// <summary>The regex fields a client's checks use: its scope's pattern, then those of its operations' parameters.</summary>
    public static PatternFields PatternsOf(ScopeSpec? scope, IEnumerable<OperationSpec> operations)
    {
        var patterns = new PatternFields();
        if (scope is not null)
        {
            patterns.Add(scope.Pattern, scope.ArgumentName);
        }

        foreach (var parameter in operations.SelectMany(operation => operation.Parameters))
        {
            patterns.Add(parameter.Type, parameter.Constraints, parameter.ArgumentName);
        }

        return patterns;
    }

    private static string Nullable(int? value) => value is null ? "null" : TypeNames.Int(value.Value);
}
