using System.Collections.Generic;
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
    public static List<string> For(TypeRef type, ConstraintSpec constraints, string value, string name)
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
                checks.Add($"{Argument}.Matches({value}, {TypeNames.Literal(constraints.Pattern)}, {name});");
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
    public static void WriteForProperty(SourceWriter writer, SchemaSpec schema, PropertySpec property, string value)
    {
        var name = TypeNames.Literal(schema.Name + "." + property.PropertyName);
        foreach (var check in For(property.Type, property.Constraints, value, name))
        {
            writer.WriteLine(check);
        }
    }

    private static string Nullable(int? value) => value is null ? "null" : TypeNames.Int(value.Value);
}
