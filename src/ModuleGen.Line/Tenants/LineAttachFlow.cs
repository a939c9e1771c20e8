using System;
using System.Threading;
using System.Threading.Tasks;
using ModuleGen.Line.Attach;
using ModuleGen.Line.Models;

namespace ModuleGen.Line.Tenants;

/// <summary>
/// The attach round trip across instances: <see cref="BeginAsync"/> keeps the attempt's state and PKCE verifier in the
/// <see cref="ILineAttachStateStore"/> and returns the authorize URL; <see cref="CompleteAsync"/>, on whichever
/// instance the callback lands, takes the attempt (once), exchanges the code and records the OA and its scopes in the
/// tenant registry.
/// </summary>
public class LineAttachFlow
{
    private readonly LineModuleAttachClient _attachClient;
    private readonly ILineAttachStateStore _attempts;
    private readonly ILineTenantRegistry _registry;
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates the flow.</summary>
    public LineAttachFlow(
        LineModuleAttachClient attachClient,
        ILineAttachStateStore attempts,
        ILineTenantRegistry registry,
        TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(attachClient);
        ArgumentNullException.ThrowIfNull(attempts);
        ArgumentNullException.ThrowIfNull(registry);
        _attachClient = attachClient;
        _attempts = attempts;
        _registry = registry;
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>How long an OA admin has between the redirect and the callback. Default 15 min.</summary>
    public TimeSpan AttemptLifetime { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>Starts an attempt: stores its server-side state and returns the URL to send the OA admin to.</summary>
    public virtual async Task<Uri> BeginAsync(LineAttachAuthorizationOptions options, CancellationToken cancellationToken = default)
    {
        var authorization = LineAttachAuthorization.Create(options);
        var pending = authorization.ToPendingAttach(_timeProvider.GetUtcNow() + AttemptLifetime);
        await _attempts.SaveAttachAsync(pending, cancellationToken).ConfigureAwait(false);
        return authorization.Url;
    }

    /// <summary>
    /// Finishes the attempt named by <paramref name="returnedState"/>: exchanges <paramref name="code"/> and records the
    /// OA as attached with the granted scopes. The attempt is used up even if LINE refuses the code.
    /// </summary>
    /// <exception cref="LineAttachStateMismatchException">No unexpired attempt has that state (forged, replayed or too
    /// late); nothing was sent.</exception>
    /// <exception cref="LineApiException">LINE refused the exchange.</exception>
    public virtual async Task<LineTenant> CompleteAsync(string code, string? returnedState, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(code);
        var pending = returnedState is null
            ? null
            : await _attempts.TakeAttachAsync(returnedState, _timeProvider.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        if (pending is null)
        {
            throw new LineAttachStateMismatchException();
        }

        var attached = await _attachClient
            .AttachAsync(LineAttachAuthorization.FromPendingAttach(pending), code, returnedState, cancellationToken)
            .ConfigureAwait(false);
        var change = LineTenantChange.Attached(attached.Value.BotId, attached.Value.Scopes, _timeProvider.GetUtcNow());
        return await _registry.ApplyAsync(change, cancellationToken).ConfigureAwait(false);
    }
}
