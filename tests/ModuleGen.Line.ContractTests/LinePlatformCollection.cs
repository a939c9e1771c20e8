using System.Threading.Tasks;
using ModuleGen.Line.Testing;
using Xunit;

namespace ModuleGen.Line.ContractTests;

/// <summary>Every contract test shares one fake LINE platform; tests in the collection run one at a time and reset it first.</summary>
[CollectionDefinition(Name)]
public sealed class LinePlatformCollection : ICollectionFixture<LinePlatformFixture>
{
    /// <summary>The collection name for <c>[Collection(LinePlatformCollection.Name)]</c>.</summary>
    public const string Name = "LinePlatform";
}

/// <summary>The in-process fake platform (WireMock.Net) the collection shares.</summary>
public sealed class LinePlatformFixture : IAsyncLifetime
{
    /// <summary>The running platform.</summary>
    public LineFakePlatform Platform { get; } = LineFakePlatform.Start();

    /// <inheritdoc/>
    public Task InitializeAsync() => Task.CompletedTask;

    /// <inheritdoc/>
    public Task DisposeAsync() => Platform.DisposeAsync().AsTask();
}
