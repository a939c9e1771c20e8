using System;
using System.Collections.Generic;

namespace ModuleGen.Line;

/// <summary>Maps the servers named in the spec (https://api.line.me, …) to the addresses actually called.</summary>
public sealed class LineEndpoints
{
    /// <summary>The list of <see cref="LineServers"/> as an array, so the per-call checks enumerate it without allocating.</summary>
    private static readonly string[] LineServerList = ["https://api.line.me", "https://api-data.line.me", "https://manager.line.biz", "https://access.line.me"];

    /// <summary>The servers of LINE's own spec: the only hosts that ever get the LINE channel access token or secret.</summary>
    public static IReadOnlyList<string> LineServers { get; } = Array.AsReadOnly(LineServerList);

    private readonly Dictionary<string, Uri> _map = new(StringComparer.OrdinalIgnoreCase);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Uri> _specServers = new(StringComparer.Ordinal);

    /// <summary>Where LINE's servers resolve to, for the credential check of every call; rebuilt after a change of the map.</summary>
    private LineAddress[]? _lineAddresses;

    /// <summary>Sends calls for <paramref name="specServer"/> (e.g. https://api-data.line.me) to <paramref name="address"/>.</summary>
    /// <remarks>Mapping one of <see cref="LineServers"/> to another host (a fake, a proxy) is the explicit choice to send
    /// LINE's credentials there; mapping a server of your own spec only moves its calls.</remarks>
    public LineEndpoints Map(string specServer, Uri address)
    {
        ArgumentException.ThrowIfNullOrEmpty(specServer);
        ArgumentNullException.ThrowIfNull(address);
        _map[specServer.TrimEnd('/')] = address;
        _lineAddresses = null;
        return this;
    }

    /// <summary>
    /// Sends every call for LINE's hosts (<see cref="LineServers"/>) to one address: a fake platform in tests, or a
    /// forward proxy. Servers of a spec of your own are not touched (map them with <see cref="Map"/>).
    /// </summary>
    public LineEndpoints MapAll(Uri address)
    {
        ArgumentNullException.ThrowIfNull(address);
        foreach (var server in LineServers)
        {
            _map[server] = address;
        }

        _lineAddresses = null;
        return this;
    }

    /// <summary>The address for a spec server.</summary>
    public Uri Resolve(string specServer)
        => _map.TryGetValue(specServer.TrimEnd('/'), out var mapped)
            ? mapped
            : _specServers.GetOrAdd(specServer, static server => new Uri(server, UriKind.Absolute)); // parsed once, not per call

    /// <summary>Whether <paramref name="specServer"/> is one of LINE's servers.</summary>
    public static bool IsLineServer(string specServer)
    {
        ArgumentNullException.ThrowIfNull(specServer);
        var server = specServer.TrimEnd('/');
        foreach (var line in LineServerList)
        {
            if (string.Equals(line, server, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether <paramref name="requestUri"/> goes to where this map sends LINE's calls (LINE itself unless mapped).</summary>
    public bool IsLineAddress(Uri? requestUri)
    {
        if (requestUri is null || !requestUri.IsAbsoluteUri)
        {
            return false;
        }

        var addresses = _lineAddresses ??= Array.ConvertAll(LineServerList, server => new LineAddress(Resolve(server)));
        foreach (var address in addresses)
        {
            if (address.Serves(requestUri))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Where one of LINE's servers resolves to, with its scheme-and-authority text for the quick check.</summary>
    private sealed class LineAddress(Uri address)
    {
        private readonly string _authority = address.GetLeftPart(UriPartial.Authority);

        /// <summary>
        /// Whether <paramref name="requestUri"/> has this address's scheme, host and port — what
        /// <c>Uri.Compare(SchemeAndServer)</c> decides. A request text that starts with this address's own
        /// <c>scheme://authority</c> then a <c>/</c> (or ends there) has them for certain, read without making the Uri
        /// parse its text; anything else is compared part by part.
        /// </summary>
        public bool Serves(Uri requestUri)
        {
            var text = requestUri.OriginalString;
            if (text.StartsWith(_authority, StringComparison.OrdinalIgnoreCase)
                && (text.Length == _authority.Length || text[_authority.Length] == '/'))
            {
                return true;
            }

            return address.Port == requestUri.Port
                && string.Equals(address.Host, requestUri.Host, StringComparison.OrdinalIgnoreCase)
                && string.Equals(address.Scheme, requestUri.Scheme, StringComparison.OrdinalIgnoreCase);
        }
    }
}
