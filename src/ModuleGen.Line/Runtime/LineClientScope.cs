using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Linq;
using System.Net.Http;

namespace ModuleGen.Line.Runtime;

/// <summary>
/// The value a scoped client acts for (the OA's bot ID) and the module scopes the OA granted. It is put on each
/// request message of that client — never on a shared HttpClient, which serves many OAs at once.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class LineClientScope
{
    private readonly HashSet<string>? _grantedScopes;

    /// <summary>Creates a scope.</summary>
    public LineClientScope(string headerName, string value, IEnumerable<string>? grantedScopes)
    {
        HeaderName = headerName;
        Value = value;
        if (grantedScopes is not null)
        {
            _grantedScopes = new HashSet<string>(grantedScopes, StringComparer.Ordinal);
            GrantedScopes = _grantedScopes.OrderBy(s => s, StringComparer.Ordinal).ToArray();
        }
    }

    /// <summary>The header that carries the value.</summary>
    public string HeaderName { get; }

    /// <summary>The value.</summary>
    public string Value { get; }

    /// <summary>The granted module scopes, or null when they were not given (nothing is checked).</summary>
    public IReadOnlyCollection<string>? GrantedScopes { get; }

    /// <summary>Puts the value on one request message.</summary>
    public void Apply(HttpRequestMessage message) => LineRequest.SetHeader(message, HeaderName, Value);

    /// <summary>Fails before any HTTP call when the operation needs a scope the OA did not grant.</summary>
    public void EnsureGranted(LineOperation operation)
    {
        if (_grantedScopes is null)
        {
            return;
        }

        foreach (var scope in operation.RequiredScopes)
        {
            if (!_grantedScopes.Contains(scope))
            {
                throw new LineScopeNotGrantedException(operation.OperationId, scope, Value);
            }
        }
    }
}
