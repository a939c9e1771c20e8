using System;
using Microsoft.Extensions.DependencyInjection;

namespace ModuleGen.Line;

/// <summary>
/// What <c>AddLineModule</c> returns: the builder of the clients' HTTP client, so
/// <c>.AddHttpMessageHandler(...)</c> and the other <see cref="IHttpClientBuilder"/> extensions work on it
/// (a handler added here runs per attempt, inside the resilience pipeline and the rate limiter).
/// </summary>
public sealed class LineModuleBuilder : IHttpClientBuilder
{
    private readonly IHttpClientBuilder _clients;

    internal LineModuleBuilder(IHttpClientBuilder clients, IHttpClientBuilder tokens)
    {
        _clients = clients ?? throw new ArgumentNullException(nameof(clients));
        TokenHttpClient = tokens ?? throw new ArgumentNullException(nameof(tokens));
    }

    /// <inheritdoc />
    public string Name => _clients.Name;

    /// <inheritdoc />
    public IServiceCollection Services => _clients.Services;

    /// <summary>The builder of the token provider's own HTTP client (token endpoints), for handlers there.</summary>
    public IHttpClientBuilder TokenHttpClient { get; }
}
