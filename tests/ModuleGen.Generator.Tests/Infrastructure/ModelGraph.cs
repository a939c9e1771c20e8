using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using ModuleGen.Generator.Helpers;

namespace ModuleGen.Generator.Tests.Infrastructure;

/// <summary>
/// Walks a pipeline value by reflection and lists everything in it that would break incremental caching: Roslyn
/// objects (which root compilations) and collections without structural equality.
/// </summary>
internal static class ModelGraph
{
    private static readonly Type[] RoslynTypes =
    {
        typeof(ISymbol), typeof(SyntaxNode), typeof(SyntaxTree), typeof(SemanticModel), typeof(Compilation),
        typeof(Location), typeof(AdditionalText),
    };

    /// <summary>Descriptions ("path: problem") of every forbidden value reachable from <paramref name="root"/>.</summary>
    public static IReadOnlyList<string> FindProblems(object? root, string rootName)
    {
        var problems = new List<string>();
        Walk(root, rootName, problems, new HashSet<object>(ReferenceEqualityComparer.Instance));
        return problems;
    }

    private static void Walk(object? value, string path, List<string> problems, HashSet<object> visited)
    {
        // A DiagnosticDescriptor is one of the generator's static descriptors: it compares by value and roots nothing.
        if (value is null || value is string || value is Enum || value.GetType().IsPrimitive || value is decimal || value is DiagnosticDescriptor)
        {
            return;
        }

        var type = value.GetType();
        if (!type.IsValueType && !visited.Add(value))
        {
            return;
        }

        if (RoslynTypes.FirstOrDefault(forbidden => forbidden.IsAssignableFrom(type)) is { } roslynType)
        {
            problems.Add($"{path}: a {roslynType.Name} ({type.Name})");
            return;
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ImmutableEquatableArray<>))
        {
            var index = 0;
            foreach (var item in (IEnumerable)value)
            {
                Walk(item, $"{path}[{index++}]", problems, visited);
            }

            return;
        }

        // Combine and Collect shape step outputs as value tuples; the tuple is plumbing, its elements are the model.
        if (value is ITuple tuple && type.IsValueType)
        {
            for (var i = 0; i < tuple.Length; i++)
            {
                Walk(tuple[i], $"{path}.Item{i + 1}", problems, visited);
            }

            return;
        }

        if (value is IEnumerable)
        {
            problems.Add($"{path}: a {FriendlyName(type)}, which compares by reference (use ImmutableEquatableArray<T>)");
            return;
        }

        if (!IsRecord(type))
        {
            problems.Add($"{path}: a {FriendlyName(type)}, which is neither a record, a string, a primitive nor ImmutableEquatableArray<T>");
            return;
        }

        foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            Walk(field.GetValue(value), path + "." + MemberName(field), problems, visited);
        }
    }

    private static bool IsRecord(Type type)
        => type.GetMethod("<Clone>$", BindingFlags.Instance | BindingFlags.Public) is not null
           || (type.IsValueType && type.GetMethod("PrintMembers", BindingFlags.Instance | BindingFlags.NonPublic) is not null);

    // A record's positional property is stored in "<Name>k__BackingField".
    private static string MemberName(FieldInfo field)
        => field.Name.StartsWith('<') ? field.Name.Substring(1, field.Name.IndexOf('>') - 1) : field.Name;

    private static string FriendlyName(Type type)
        => type.IsGenericType
            ? type.Name.Substring(0, type.Name.IndexOf('`')) + "<" + string.Join(", ", type.GetGenericArguments().Select(FriendlyName)) + ">"
            : type.Name;
}
