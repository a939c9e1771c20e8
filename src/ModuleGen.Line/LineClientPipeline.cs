using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ModuleGen.Line.Diagnostics;
using ModuleGen.Line.Resilience;
using ModuleGen.Line.Runtime;
using Polly.CircuitBreaker;
using Polly.Timeout;

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
    /// <param name="logger">Where failed calls, retries and unreadable responses are logged (never a token or secret).</param>
    public LineClientPipeline(
        HttpClient httpClient,
        LineClientOptions? options = null,
        ILineAccessTokenProvider? accessTokenProvider = null,
        LineChannelCredentials? channelCredentials = null,
        ILogger<LineClientPipeline>? logger = null)
    {
        HttpClient = httpClient ?? throw new ArgumentNullException(nameof(httpClient));
        Options = options ?? new LineClientOptions();
        AccessTokenProvider = accessTokenProvider;
        ChannelCredentials = channelCredentials;
        Logger = logger ?? (ILogger)NullLogger.Instance;
    }

    private (string? Value, bool Valid) _checkedUserAgent;

    /// <summary>The HTTP client.</summary>
    public HttpClient HttpClient { get; }

    /// <summary>The options.</summary>
    public LineClientOptions Options { get; }

    /// <summary>The access token source for Bearer operations.</summary>
    public ILineAccessTokenProvider? AccessTokenProvider { get; }

    /// <summary>
    /// The channel credentials for LINE's Basic operations. Internal: a holder of a client must not be able to read the
    /// channel secret back.
    /// </summary>
    internal LineChannelCredentials? ChannelCredentials { get; }

    /// <summary>The pipeline's logger.</summary>
    internal ILogger Logger { get; }

    /// <summary>The address that serves a spec server.</summary>
    public Uri ResolveServer(string specServer) => Options.Endpoints.Resolve(specServer);

    /// <summary>
    /// Authenticates and sends one request. A status that is neither a success nor one of the operation's
    /// "already accepted" statuses becomes a <see cref="LineApiException"/>, and so does a transport failure. With
    /// <see cref="HttpCompletionOption.ResponseContentRead"/>, a success whose body cannot be read becomes a
    /// <see cref="LineResponseUnreadableException"/> — never a status-0 failure that invites sending it again.
    /// </summary>
    public virtual async Task<HttpResponseMessage> SendAsync(
        HttpRequestMessage message,
        LineOperation operation,
        HttpCompletionOption completion,
        CancellationToken cancellationToken)
    {
        message.Options.Set(LineRequestOptions.Operation, operation);
        SetUserAgent(message);
        var botId = BotIdOf(message);
        if (botId is not null)
        {
            message.Options.Set(LineRequestOptions.BotId, botId);
        }

        var call = LineCallTelemetry.Start(message, operation, botId);
        try
        {
            var response = await SendAuthenticatedAsync(message, operation, call, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode && !operation.AlreadyAcceptedStatuses.Contains((int)response.StatusCode))
            {
                using (response)
                {
                    throw await LineApiException.FromResponseAsync(response, operation, cancellationToken).ConfigureAwait(false);
                }
            }

            if (completion == HttpCompletionOption.ResponseContentRead)
            {
                await BufferBodyAsync(response, operation, cancellationToken).ConfigureAwait(false);
            }

            call.Complete((int)response.StatusCode, LineResponse.Header(response, LineResponse.RequestIdHeader), null);
            return response;
        }
        catch (Exception exception)
        {
            var failure = exception as LineApiException;
            call.Complete(failure?.Status ?? 0, failure?.RequestId, exception);
            if (failure is not null)
            {
                LineClientLog.CallFailed(Logger, operation.OperationId, botId, failure.Status, call.Attempts, failure.RequestId, failure.RetryKey, failure.Message);
            }

            throw;
        }
    }

    private async ValueTask<HttpResponseMessage> SendAuthenticatedAsync(
        HttpRequestMessage message, LineOperation operation, LineCallTelemetry call, CancellationToken cancellationToken)
    {
        await PrepareBodyForReplayAsync(message, operation, cancellationToken).ConfigureAwait(false);
        var token = await AuthenticateAsync(message, operation, cancellationToken).ConfigureAwait(false);
        var response = await TransmitAsync(message, operation, call, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.Unauthorized && token is not null && LineRetryRule.CanReplay(message))
        {
            // A cached token LINE no longer accepts (revoked, or expired early): drop it and try once with a fresh one,
            // so one revoked token does not fail every call of every OA until it would have expired.
            await AccessTokenProvider!.InvalidateAsync(token, cancellationToken).ConfigureAwait(false);
            var fresh = await AccessTokenProvider.GetAccessTokenAsync(cancellationToken).ConfigureAwait(false);
            if (!string.Equals(fresh, token, StringComparison.Ordinal))
            {
                LineClientLog.TokenRefreshedAfter401(Logger, operation.OperationId);
                response.Dispose();
                using var retry = CopyForResend(message);
                retry.Headers.Authorization = new AuthenticationHeaderValue("Bearer", fresh);
                response = await TransmitAsync(retry, operation, call, cancellationToken).ConfigureAwait(false);
            }
        }

        return response;
    }

    /// <summary>
    /// A retry-safe call with a small streamed body (an upload from a seekable stream, multipart) is buffered once,
    /// so the resilience pipeline may send it again; a large or unsized stream is left alone and never replayed.
    /// </summary>
    private async ValueTask PrepareBodyForReplayAsync(HttpRequestMessage message, LineOperation operation, CancellationToken cancellationToken)
    {
        if (!operation.IsRetrySafe
            || LineRetryRule.CanReplay(message)
            || message.Content!.Headers.ContentLength is not { } length
            || length > Options.MaxReplayableBodyBytes)
        {
            return;
        }

        var original = message.Content;
        var buffered = new ByteArrayContent(await original.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false));
        foreach (var header in original.Headers)
        {
            buffered.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        message.Content = buffered;
        original.Dispose();
    }

    private async Task BufferBodyAsync(HttpResponseMessage response, LineOperation operation, CancellationToken cancellationToken)
    {
        try
        {
            await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is HttpRequestException or System.IO.IOException
            || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            var unreadable = LineApiException.FromUnreadableResponse(response, operation, exception);
            response.Dispose();
            LineClientLog.ResponseUnreadable(Logger, operation.OperationId, BotIdOf(response.RequestMessage), unreadable.Status, unreadable.RequestId, unreadable.RetryKey, exception);
            throw unreadable;
        }
    }

    private string? BotIdOf(HttpRequestMessage? message)
        => message is null ? null : LineResponse.FirstValue(message.Headers, Options.BotIdHeaderName);

    /// <summary>
    /// The configured User-Agent, parsed once per distinct value (a value that does not parse is not sent, as
    /// <c>TryParseAdd</c> would decide) and then added without re-parsing it on every call.
    /// </summary>
    private void SetUserAgent(HttpRequestMessage message)
    {
        var userAgent = Options.UserAgent;
        var checkedUserAgent = _checkedUserAgent;
        if (!ReferenceEquals(checkedUserAgent.Value, userAgent))
        {
            checkedUserAgent = (userAgent, new HttpRequestMessage().Headers.UserAgent.TryParseAdd(userAgent));
            _checkedUserAgent = checkedUserAgent;
        }

        message.Headers.Remove("User-Agent");
        if (checkedUserAgent.Valid)
        {
            message.Headers.TryAddWithoutValidation("User-Agent", userAgent);
        }
    }

    /// <summary>
    /// Signs the request. A call to one of LINE's servers uses LINE's credentials (the channel access token, or the
    /// channel ID and secret) — and only when the request really goes where the endpoint map sends LINE's calls. Any
    /// other server uses the credentials of its spec's security scheme from <see cref="LineClientOptions.Credentials"/>,
    /// never LINE's. Returns the LINE bearer token it used, if any (for the one retry after a 401).
    /// </summary>
    private async ValueTask<string?> AuthenticateAsync(HttpRequestMessage message, LineOperation operation, CancellationToken cancellationToken)
    {
        if (operation.Authentication == LineAuthentication.None)
        {
            return null;
        }

        if (!operation.IsLineServerCall)
        {
            await AuthenticateWithSchemeAsync(message, operation, cancellationToken).ConfigureAwait(false);
            return null;
        }

        if (!Options.Endpoints.IsLineAddress(message.RequestUri))
        {
            throw new InvalidOperationException(
                $"{operation.OperationId}: refusing to send LINE's credentials to {message.RequestUri?.GetLeftPart(UriPartial.Authority)}, "
                + "which is not where the LINE endpoint map sends LINE's calls (LineClientOptions.Endpoints).");
        }

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
                throw new InvalidOperationException($"{operation.OperationId}: LINE's calls authenticate with a bearer token or Basic, not {operation.Authentication}.");
        }
    }

    /// <summary>Signs a call to a server of a spec of your own with its scheme's credentials.</summary>
    private async ValueTask AuthenticateWithSchemeAsync(HttpRequestMessage message, LineOperation operation, CancellationToken cancellationToken)
    {
        var scheme = operation.SecurityScheme ?? operation.Authentication.ToString();
        if (!Options.Credentials.TryGet(scheme, out var credential))
        {
            throw new InvalidOperationException(
                $"{operation.OperationId} needs credentials for the security scheme '{scheme}': set them with "
                + $"LineClientOptions.Credentials.Use{(operation.Authentication is LineAuthentication.ApiKeyHeader or LineAuthentication.ApiKeyQuery ? "ApiKey" : operation.Authentication.ToString())}(\"{scheme}\", …).");
        }

        switch (operation.Authentication, credential.Kind)
        {
            case (LineAuthentication.Bearer, LineSchemeCredentials.CredentialKind.Bearer):
                var token = await credential.Token!(cancellationToken).ConfigureAwait(false);
                message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                break;
            case (LineAuthentication.Basic, LineSchemeCredentials.CredentialKind.Basic):
                var basic = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(credential.UserName + ":" + credential.Secret));
                message.Headers.Authorization = new AuthenticationHeaderValue("Basic", basic);
                break;
            case (LineAuthentication.ApiKeyHeader, LineSchemeCredentials.CredentialKind.ApiKey):
                LineRequest.SetHeader(message, operation.ApiKeyName!, credential.Secret);
                break;
            case (LineAuthentication.ApiKeyQuery, LineSchemeCredentials.CredentialKind.ApiKey):
                var uri = message.RequestUri!;
                var separator = string.IsNullOrEmpty(uri.Query) ? "?" : "&";
                message.RequestUri = new Uri(uri.AbsoluteUri + separator + Uri.EscapeDataString(operation.ApiKeyName!) + "=" + Uri.EscapeDataString(credential.Secret!));
                break;
            default:
                throw new InvalidOperationException(
                    $"{operation.OperationId}: the security scheme '{scheme}' is {operation.Authentication}, but its credentials are {credential.Kind}.");
        }
    }

    /// <summary>
    /// Hands the message to the HTTP client (and its resilience pipeline), always reading only the headers there: the
    /// body is read afterwards, so a body that breaks off is told apart from a request that never got an answer.
    /// </summary>
    private async ValueTask<HttpResponseMessage> TransmitAsync(
        HttpRequestMessage message, LineOperation operation, LineCallTelemetry call, CancellationToken cancellationToken)
    {
        call.Transmitting();
        try
        {
            return await HttpClient.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (BrokenCircuitException exception)
        {
            throw new LineCircuitOpenException(
                $"The circuit for {operation.OperationId} is open after repeated failures; the request was not sent.",
                operation.OperationId,
                exception.RetryAfter,
                LineApiException.RetryKeyOf(message),
                exception);
        }
        catch (Polly.RateLimiting.RateLimiterRejectedException exception)
        {
            // The resilience pipeline's bulkhead: too many calls of this OA in flight at once.
            throw new LineRateLimitRejectedException(
                $"Too many calls of {operation.OperationId} for this OA are in flight; the request was not sent.",
                operation.OperationId,
                BotIdOf(message),
                exception.RetryAfter,
                LineApiException.RetryKeyOf(message));
        }
        catch (Exception exception) when (exception is HttpRequestException or TimeoutRejectedException
            || (exception is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw LineApiException.FromTransportFailure(message, operation, exception);
        }
    }

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
