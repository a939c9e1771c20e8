using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace ModuleGen.Line.AspNetCore.Webhooks;

/// <summary>
/// Where the module keeps the scopes each OA granted (from the attach result or the <c>module</c> attached event).
/// Optional: when registered, the tenant context's Messaging API client refuses calls the OA did not grant before any
/// HTTP request is sent.
/// </summary>
public interface ILineTenantScopeStore
{
    /// <summary>The scopes the OA <paramref name="botId"/> granted, or <see langword="null"/> when unknown (nothing is checked).</summary>
    ValueTask<IReadOnlyCollection<string>?> GetGrantedScopesAsync(string botId, CancellationToken cancellationToken);
}
