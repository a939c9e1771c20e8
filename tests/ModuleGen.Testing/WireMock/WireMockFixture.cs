using System;
using System.Threading.Tasks;
using Xunit;

namespace ModuleGen.Testing.WireMock;

/// <summary>
/// One WireMock server shared by every test in an xunit collection. xunit only discovers collection definitions in the
/// test assembly itself, so each test project declares:
/// <code>
/// [CollectionDefinition("WireMock")]
/// public sealed class WireMockCollection : ICollectionFixture&lt;WireMockFixture&gt;;
/// </code>
/// and marks its test classes <c>[Collection("WireMock")]</c>. Tests in one collection run one at a time, so a test
/// can call <see cref="WireMockAdmin.ResetAsync"/> first and own the server until it ends.
/// </summary>
public sealed class WireMockFixture : IAsyncLifetime
{
    private WireMockServer? server;

    /// <summary>The running server.</summary>
    public WireMockServer Server =>
        server ?? throw new InvalidOperationException("The WireMock server is not running: use WireMockFixture as an xunit collection fixture.");

    /// <summary>Shortcut for <c>Server.Admin</c>.</summary>
    public WireMockAdmin Admin => Server.Admin;

    /// <summary>Shortcut for <c>Server.BaseAddress</c>.</summary>
    public Uri BaseAddress => Server.BaseAddress;

    /// <inheritdoc/>
    public async Task InitializeAsync() => server = await WireMockServer.StartAsync().ConfigureAwait(false);

    /// <inheritdoc/>
    public async Task DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync().ConfigureAwait(false);
        }
    }
}
