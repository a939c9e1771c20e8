using System;
using System.Threading;
using System.Threading.Tasks;
using ModuleGen.Line.Attach;
using ModuleGen.Line.Models;

namespace ModuleGen.Line;

public partial class LineModuleAttachClient
{
    /// <summary>
    /// Finishes an attach: checks the state returned to the redirect URI against the attempt's (constant time),
    /// then exchanges the code with the attempt's PKCE verifier and restrictions.
    /// </summary>
    /// <returns>The OA's bot ID and the scopes its admin granted.</returns>
    /// <exception cref="LineAttachStateMismatchException">The returned state is not this attempt's; nothing was sent.</exception>
    /// <exception cref="LineApiException">LINE refused the exchange (400/403).</exception>
    public virtual async Task<LineResponse<AttachModuleResponse>> AttachAsync(
        LineAttachAuthorization authorization,
        string code,
        string? returnedState,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(authorization);
        if (!authorization.IsExpectedState(returnedState))
        {
            throw new LineAttachStateMismatchException();
        }

        return await AttachModuleAsync(authorization.CreateTokenRequest(code), cancellationToken).ConfigureAwait(false);
    }
}
