using System.Collections.Immutable;
using System.Linq;

namespace ModuleGen.Generator.Tests.Infrastructure;

/// <summary>A place in one spec document, written as a JSON pointer fragment (<c>#/components/schemas/Foo/example</c>).</summary>
internal sealed record SpecLocation(ImmutableArray<string> Segments)
{
    public static readonly SpecLocation Root = new(ImmutableArray<string>.Empty);

    public SpecLocation Then(string segment) => new(Segments.Add(segment));

    public SpecLocation Then(int index) => Then(index.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public string Last => Segments[^1];

    public override string ToString() => "#/" + string.Join("/", Segments.Select(segment => segment.Replace("~", "~0").Replace("/", "~1")));

    public bool Equals(SpecLocation? other) => other is not null && ToString() == other.ToString();

    public override int GetHashCode() => ToString().GetHashCode(System.StringComparison.Ordinal);
}
