using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using ModuleGen.Line.Runtime;

namespace ModuleGen.Line;

/// <summary>
/// What every generated client sends through: one <see cref="HttpClient"/> (shared by all OAs and clients; nothing
/// per-call is ever put on it), the credentials, and the options. Authorization, the operation descriptor and the
/// User-Agent are set on each request message.
/// </summary>
public class LineClientPipeline
{
    /// <summary>Creates a pipeline.</summary>
    /// <param name="httpClient">The HTTP client (its handlers, e.g. resilience, apply to every call).</param>
    /// <param name="options">Header names, endpoints and the User-Agent.</param>
    /// <param name="accessTokenProvider">The module channel access token source, for Bearer operations.</param>
    /// <param name="channelCredentials">The module channel ID and secret, for the Basic-authenticated attach call.</param>
    public LineClientPipeline(
        HttpClient httpClient,
        LineClientOptions? options = null,
        ILineAccessTokenProvider? accessTokenProvider = null,
        LineChannelCredentials? channelCredentials = null)
    {
        HttpClient = httpClient ?? throw new ArgumentNullException(nameof(httpClient));
        Options = options ?? new LineClientOptions();
        AccessTokenProvider = accessTokenProvider;
        ChannelCredentials = channelCredentials;
    }

    /// <summary>The HTTP client.</summary>
    public HttpClient HttpClient { get; }

    /// <summary>The options.</summary>
    public LineClientOptions Options { get; }

    /// <summary>The access token source for Bearer operations.</summary>
    public ILineAccessTokenProvider? AccessTokenProvider { get; }

    /// <summary>The channel credentials for Basic operations.</summary>
    public LineChannelCredentials? ChannelCredentials { get; }

    /// <summary>The address that serves a spec server.</summary>
    public Uri ResolveServer(string specServer) => Options.Endpoints.Resolve(specServer);

    /// <summary>
    /// Authenticates and sends one request. A status that is neither a success nor one of the operation's
    /// "already accepted" statuses becomes a <see cref="LineApiException"/>, and so does a transport failure.
    /// </summary>
    public virtual async Task<HttpResponseMessage> SendAsync(
        HttpRequestMessage message,
        LineOperation operation,
        HttpCompletionOption completion,
        CancellationToken cancellationToken)
    {
        message.Options.Set(LineRequest.OperationOption, operation);
        message.Headers.UserAgent.Clear();
        message.Headers.UserAgent.TryParseAdd(Options.UserAgent);
        var token = await AuthenticateAsync(message, operation, cancellationToken).ConfigureAwait(false);
        var response = await TransmitAsync(message, operation, completion, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.Unauthorized && token is not null && CanResend(message))
        {
            // A cached token LINE no longer accepts (revoked, or expired early): drop it and try once with a fresh one,
            // so one revoked token does not fail every call of every OA until it would have expired.
            await AccessTokenProvider!.InvalidateAsync(token, cancellationToken).ConfigureAwait(false);
            var fresh = await AccessTokenProvider.GetAccessTokenAsync(cancellationToken).ConfigureAwait(false);
            if (!string.Equals(fresh, token, StringComparison.Ordinal))
            {
                response.Dispose();
                using var retry = CopyForResend(message);
                retry.Headers.Authorization = new AuthenticationHeaderValue("Bearer", fresh);
                response = await TransmitAsync(retry, operation, completion, cancellationToken).ConfigureAwait(false);
            }
        }

        if (response.IsSuccessStatusCode || operation.AlreadyAcceptedStatuses.Contains((int)response.StatusCode))
        {
            return response;
        }

        using (response)
        {
            throw await LineApiException.FromResponseAsync(response, operation, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Sets the Authorization header the operation needs; returns the bearer token it used, if any.</summary>
    private async ValueTask<string?> AuthenticateAsync(HttpRequestMessage message, LineOperation operation, CancellationToken cancellationToken)
    {
        switch (operation.Authentication)
        {
            case LineAuthentication.Bearer:
                var provider = AccessTokenProvider
                    ?? throw new InvalidOperationException($"{operation.OperationId} needs a channel access token: give the pipeline an ILineAccessTokenProvider.");
                var token = await provider.GetAccessTokenAsync(cancellationToken).ConfigureAwait(false);
                message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                return token;
            case LineAuthentication.Basic:
                var credentials = ChannelCredentials
                    ?? throw new InvalidOperationException($"{operation.OperationId} needs the module channel ID and secret: give the pipeline LineChannelCredentials.");
                message.Headers.Authorization = new AuthenticationHeaderValue("Basic", credentials.ToBasicParameter());
                return null;
            default:
                return null;
        }
    }

    private async Task<HttpResponseMessage> TransmitAsync(
        HttpRequestMessage message, LineOperation operation, HttpCompletionOption completion, CancellationToken cancellationToken)
    {
        try
        {
            return await HttpClient.SendAsync(message, completion, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException exception)
        {
            throw LineApiException.FromTransportFailure(message, operation, exception);
        }
        catch (TaskCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw LineApiException.FromTransportFailure(message, operation, exception);
        }
    }

    /// <summary>A body that is a buffer (JSON, form) can be sent again; a stream or multipart body cannot be replayed.</summary>
    private static bool CanResend(HttpRequestMessage message) => message.Content is null or ByteArrayContent;

    /// <summary>The same request (method, address, headers, options, body) as a new message: a sent message cannot be sent again.</summary>
    private static HttpRequestMessage CopyForResend(HttpRequestMessage message)
    {
        var copy = new HttpRequestMessage(message.Method, message.RequestUri)
        {
            Version = message.Version,
            VersionPolicy = message.VersionPolicy,
            Content = message.Content,
        };
        foreach (var header in message.Headers)
        {
            copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        foreach (var option in message.Options)
        {
            ((IDictionary<string, object?>)copy.Options)[option.Key] = option.Value;
        }

        return copy;
    }
}
