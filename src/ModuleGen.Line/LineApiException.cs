using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using ModuleGen.Line.Models;
using ModuleGen.Line.Runtime;

namespace ModuleGen.Line;

/// <summary>
/// The one exception a ModuleGen call throws for a LINE error: the status, the parsed error body
/// (<see cref="Error"/>, or <see cref="ErrorCode"/> for the OAuth shape of the token endpoints) and the request ID.
/// A request that could not be sent at all has <see cref="Status"/> 0 and the transport error as inner exception.
/// </summary>
public class LineApiException : Exception
{
    private const int MaxRawBodyLength = 4096;

    /// <summary>Creates an exception (for tests and mocks).</summary>
    public LineApiException(
        string message,
        int status,
        string? operationId = null,
        string? requestId = null,
        ErrorResponse? error = null,
        string? errorCode = null,
        string? rawBody = null,
        Exception? innerException = null,
        string? retryKey = null)
        : base(message, innerException)
    {
        RetryKey = retryKey;
        Status = status;
        OperationId = operationId;
        RequestId = requestId;
        Error = error;
        ErrorCode = errorCode;
        RawBody = rawBody;
    }

    /// <summary>The HTTP status, or 0 when no response was received.</summary>
    public int Status { get; }

    /// <summary>The spec operationId of the call.</summary>
    public string? OperationId { get; }

    /// <summary>LINE's X-Line-Request-Id of the failed request; LINE support asks for it.</summary>
    public string? RequestId { get; }

    /// <summary>The parsed error body (message, details, sentMessages), when LINE sent one.</summary>
    public ErrorResponse? Error { get; }

    /// <summary>The OAuth <c>error</c> code of the token endpoints (e.g. invalid_client).</summary>
    public string? ErrorCode { get; }

    /// <summary>
    /// The X-Line-Retry-Key the failed call carried (push, multicast, narrowcast, broadcast), so it can be retried by
    /// hand with the same key: LINE then answers 409 "already accepted" if the first attempt did get through. LINE keeps
    /// a key for 24 hours.
    /// </summary>
    public string? RetryKey { get; }

    /// <summary>For a 429, which of LINE's limits it reports; null for any other status.</summary>
    public LineTooManyRequestsKind? TooManyRequestsKind
        => Status == 429 ? LineFailurePolicy.TooManyRequestsKindOf(Error?.Message) : null;

    /// <summary>The error body as received (at most 4 KiB), for logs when it could not be parsed.</summary>
    public string? RawBody { get; }

    /// <summary>The problems LINE listed, as "property: message".</summary>
    public IReadOnlyList<string> Details
        => Error?.Details?.Select(d => d.Property is null ? d.Message ?? string.Empty : $"{d.Property}: {d.Message}").ToArray()
           ?? Array.Empty<string>();

    internal static async Task<LineApiException> FromResponseAsync(HttpResponseMessage response, LineOperation operation, CancellationToken cancellationToken)
    {
        var requestId = LineResponse.Header(response, LineResponse.RequestIdHeader);
        byte[] body;
        try
        {
            body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is HttpRequestException or System.IO.IOException)
        {
            body = Array.Empty<byte>();
        }

        var (error, errorCode, errorText) = ParseBody(body);
        var raw = body.Length == 0 ? null : Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, MaxRawBodyLength));
        var message = new StringBuilder()
            .Append("LINE answered ").Append((int)response.StatusCode).Append(' ').Append(ReasonOf(response.StatusCode))
            .Append(" to ").Append(operation.OperationId).Append(": ")
            .Append(errorText ?? "(no error message)");
        if (error?.Details is { Count: > 0 } details)
        {
            message.Append(" [").Append(string.Join("; ", details.Select(d => d.Property is null ? d.Message : $"{d.Property}: {d.Message}"))).Append(']');
        }

        if (requestId is not null)
        {
            message.Append(" (request id ").Append(requestId).Append(')');
        }

        var retryKey = RetryKeyOf(response.RequestMessage);
        if ((int)response.StatusCode == 429 && LineFailurePolicy.TooManyRequestsKindOf(error?.Message) == LineTooManyRequestsKind.MonthlyQuota)
        {
            return new LineMonthlyQuotaExceededException(message.ToString(), operation.OperationId, requestId, error, raw, retryKey);
        }

        return new LineApiException(
            message.ToString(), (int)response.StatusCode, operation.OperationId, requestId, error, errorCode, raw,
            retryKey: retryKey);
    }

    internal static LineApiException FromTransportFailure(HttpRequestMessage request, LineOperation operation, Exception exception)
        => new(
            $"The request for {operation.OperationId} could not be completed: {exception.Message}",
            0,
            operation.OperationId,
            innerException: exception,
            retryKey: RetryKeyOf(request));

    internal static LineResponseUnreadableException FromUnreadableResponse(HttpResponseMessage response, LineOperation operation, Exception exception)
    {
        var requestId = LineResponse.Header(response, LineResponse.RequestIdHeader);
        return new LineResponseUnreadableException(
            $"LINE accepted {operation.OperationId} ({(int)response.StatusCode}{(requestId is null ? string.Empty : ", request id " + requestId)}) but the response body could not be read: {exception.Message}",
            (int)response.StatusCode,
            operation.OperationId,
            requestId,
            RetryKeyOf(response.RequestMessage),
            exception);
    }

    internal static string? RetryKeyOf(HttpRequestMessage? request)
        => request is not null && request.Options.TryGetValue(LineRequestOptions.RetryKey, out var key) ? key : null;

    private static (ErrorResponse? Error, string? Code, string? Text) ParseBody(byte[] body)
    {
        if (body.Length == 0)
        {
            return (null, null, null);
        }

        try
        {
            var error = LineJson.Parse<ErrorResponse>(body);
            if (error.Message is not null)
            {
                return (error, null, error.Message);
            }
        }
        catch (JsonException)
        {
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                var code = document.RootElement.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;
                var description = document.RootElement.TryGetProperty("error_description", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null;
                return (null, code, description ?? code);
            }
        }
        catch (JsonException)
        {
        }

        return (null, null, null);
    }

    private static string ReasonOf(HttpStatusCode status) => status switch
    {
        (HttpStatusCode)423 => "Locked",
        (HttpStatusCode)429 => "Too Many Requests",
        _ => status.ToString(),
    };
}
