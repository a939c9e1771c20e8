using ModuleGen.Testing.WireMock;
using Xunit;

namespace ModuleGen.Line.ContractTests;

/// <summary>Every contract test shares one WireMock server; tests in the collection run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class WireMockCollection : ICollectionFixture<WireMockFixture>
{
    /// <summary>The collection name for <c>[Collection(WireMockCollection.Name)]</c>.</summary>
    public const string Name = "WireMock";
}
