using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace ModuleGen.Line;

/// <summary>
/// Credentials for the security schemes of a spec of your own, by the scheme's name in
/// <c>components.securitySchemes</c>: a bearer token, HTTP Basic, or an API key (its header or query parameter comes
/// from the spec). LINE's own calls never use these, and LINE's channel access token is never sent to a host that is
/// not LINE's: see <see cref="LineEndpoints"/>.
/// </summary>
/// <remarks>Nothing here is readable back: the values are used only to sign requests, and <see cref="ToString"/> names schemes only.</remarks>
public sealed class LineSchemeCredentials
{
    private readonly Dictionary<string, Credential> _byScheme = new(StringComparer.Ordinal);

    /// <summary>Uses a bearer token, asked for on each call (cache inside <paramref name="token"/>).</summary>
    public LineSchemeCredentials UseBearer(string scheme, Func<CancellationToken, ValueTask<string>> token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return Add(scheme, new Credential(CredentialKind.Bearer, token, null, null));
    }

    /// <summary>Uses a fixed bearer token.</summary>
    public LineSchemeCredentials UseBearer(string scheme, string token)
    {
        ArgumentException.ThrowIfNullOrEmpty(token);
        return UseBearer(scheme, _ => ValueTask.FromResult(token));
    }

    /// <summary>Uses HTTP Basic with a user name and password.</summary>
    public LineSchemeCredentials UseBasic(string scheme, string userName, string password)
    {
        ArgumentException.ThrowIfNullOrEmpty(userName);
        ArgumentNullException.ThrowIfNull(password);
        return Add(scheme, new Credential(CredentialKind.Basic, null, userName, password));
    }

    /// <summary>Uses an API key, sent where the scheme says (a header or a query parameter).</summary>
    public LineSchemeCredentials UseApiKey(string scheme, string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        return Add(scheme, new Credential(CredentialKind.ApiKey, null, null, key));
    }

    /// <summary>The schemes that have credentials.</summary>
    public override string ToString() => "LineSchemeCredentials(" + string.Join(", ", _byScheme.Keys) + ")";

    internal bool TryGet(string scheme, out Credential credential) => _byScheme.TryGetValue(scheme, out credential!);

    private LineSchemeCredentials Add(string scheme, Credential credential)
    {
        ArgumentException.ThrowIfNullOrEmpty(scheme);
        _byScheme[scheme] = credential;
        return this;
    }

    internal enum CredentialKind
    {
        Bearer,
        Basic,
        ApiKey,
    }

    internal sealed record Credential(CredentialKind Kind, Func<CancellationToken, ValueTask<string>>? Token, string? UserName, string? Secret)
    {
        public override string ToString() => $"Credential({Kind}, ***)";
    }
}
