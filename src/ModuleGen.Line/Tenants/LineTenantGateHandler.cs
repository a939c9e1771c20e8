using System;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using ModuleGen.Line.Runtime;

namespace ModuleGen.Line.Tenants;

/// <summary>
/// Refuses, before sending, every bot-scoped call (one carrying the bot-id header) for an OA the tenant registry knows to
/// be detached or suspended, with a <see cref="LineTenantUnavailableException"/>. An OA the registry does not know is
/// never blocked: the registry may be younger than the module's OAs.
/// </summary>
/// <remarks>Added to the clients' HTTP pipeline by <c>AddLineTenantGate()</c>. One registry lookup per bot-scoped call.</remarks>
public sealed class LineTenantGateHandler : DelegatingHandler
{
    private readonly ILineTenantRegistry _registry;
    private readonly string _botIdHeaderName;

    /// <summary>Creates the handler.</summary>
    /// <param name="registry">Where OAs are looked up.</param>
    /// <param name="botIdHeaderName">The bot-id header the clients send (<see cref="LineClientOptions.BotIdHeaderName"/>).</param>
    public LineTenantGateHandler(ILineTenantRegistry registry, string botIdHeaderName)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentException.ThrowIfNullOrEmpty(botIdHeaderName);
        _registry = registry;
        _botIdHeaderName = botIdHeaderName;
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Headers.TryGetValues(_botIdHeaderName, out var values) && values.FirstOrDefault() is { Length: > 0 } botId
            && await _registry.FindAsync(botId, cancellationToken).ConfigureAwait(false) is { IsAvailable: false } tenant)
        {
            var operationId = request.Options.TryGetValue(LineRequestOptions.Operation, out var operation)
                ? operation.OperationId
                : null;
            throw new LineTenantUnavailableException(tenant, operationId);
        }

        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
