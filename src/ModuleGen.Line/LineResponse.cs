using System;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using ModuleGen.Line.Runtime;

namespace ModuleGen.Line;

/// <summary>The outcome of a successful call: status and LINE's request IDs.</summary>
public class LineResponse
{
    /// <summary>X-Line-Request-Id.</summary>
    public const string RequestIdHeader = "X-Line-Request-Id";

    /// <summary>X-Line-Accepted-Request-Id.</summary>
    public const string AcceptedRequestIdHeader = "X-Line-Accepted-Request-Id";

    /// <summary>Creates a response (for tests and mocks).</summary>
    public LineResponse(int status, string? requestId, string? acceptedRequestId = null, bool alreadyAccepted = false)
    {
        Status = status;
        RequestId = requestId;
        AcceptedRequestId = acceptedRequestId;
        AlreadyAccepted = alreadyAccepted;
    }

    /// <summary>The HTTP status.</summary>
    public int Status { get; }

    /// <summary>LINE's ID of this request (X-Line-Request-Id). For a narrowcast it is the ID to poll progress with.</summary>
    public string? RequestId { get; }

    /// <summary>
    /// True when LINE had already accepted a request with the same retry key (409): the work was done once, by the
    /// request named in <see cref="AcceptedRequestId"/>. This is a success.
    /// </summary>
    public bool AlreadyAccepted { get; }

    /// <summary>The request ID of the first accepted request, when <see cref="AlreadyAccepted"/>.</summary>
    public string? AcceptedRequestId { get; }

    /// <summary>A response without a body (generated code reaches it through <see cref="LineResponseReader"/>).</summary>
    internal static LineResponse Create(HttpResponseMessage response)
    {
        var (requestId, acceptedRequestId, alreadyAccepted) = Describe(response);
        return new LineResponse((int)response.StatusCode, requestId, acceptedRequestId, alreadyAccepted);
    }

    /// <summary>Reads a JSON body with the model's generated reader (generated code reaches it through <see cref="LineResponseReader"/>).</summary>
    internal static async Task<LineResponse<T>> ReadJsonAsync<T>(HttpResponseMessage response, LineOperation operation, CancellationToken cancellationToken)
        where T : ILineJsonModel<T>
    {
        var (requestId, acceptedRequestId, alreadyAccepted) = Describe(response);
        // The pipeline has already buffered the body: read it into a pooled buffer instead of copying it to a new array.
        byte[] body;
        int length;
        try
        {
            (body, length) = await ReadPooledAsync(response.Content, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException)
        {
            throw LineApiException.FromUnreadableResponse(response, operation, exception);
        }

        T value;
        try
        {
            var reader = new Utf8JsonReader(length == 0 ? "{}"u8 : body.AsSpan(0, length));
            reader.Read();
            value = T.ReadJson(ref reader);
        }
        catch (JsonException exception)
        {
            throw LineApiException.FromUnreadableResponse(response, operation, exception);
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(body);
        }

        return new LineResponse<T>(value, (int)response.StatusCode, requestId, acceptedRequestId, alreadyAccepted);
    }

    private static async ValueTask<(byte[] Buffer, int Length)> ReadPooledAsync(HttpContent content, CancellationToken cancellationToken)
    {
        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(content.Headers.ContentLength is { } declared and > 0 and < 1 << 20 ? (int)declared + 1 : 4096);
        var length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    var larger = System.Buffers.ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, length).CopyTo(larger);
                    System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    return (buffer, length);
                }

                length += read;
            }
        }
        catch
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    internal static string? Header(HttpResponseMessage response, string name) => FirstValue(response.Headers, name);

    /// <summary>A header's first value as received, without parsing the header or allocating a list of its values.</summary>
    internal static string? FirstValue(HttpHeaders headers, string name)
    {
        if (headers.NonValidated.TryGetValues(name, out var values))
        {
            foreach (var value in values)
            {
                return value;
            }
        }

        return null;
    }

    private static (string? RequestId, string? AcceptedRequestId, bool AlreadyAccepted) Describe(HttpResponseMessage response)
    {
        var accepted = Header(response, AcceptedRequestIdHeader);
        var alreadyAccepted = !response.IsSuccessStatusCode
            && response.RequestMessage?.Options.TryGetValue(LineRequestOptions.Operation, out var operation) == true
            && operation.AlreadyAcceptedStatuses.Contains((int)response.StatusCode);
        return (Header(response, RequestIdHeader), accepted, alreadyAccepted);
    }
}

/// <summary>The outcome of a successful call with its typed body.</summary>
/// <typeparam name="T">The body's type.</typeparam>
public sealed class LineResponse<T> : LineResponse
{
    /// <summary>Creates a response (for tests and mocks).</summary>
    public LineResponse(T value, int status, string? requestId, string? acceptedRequestId = null, bool alreadyAccepted = false)
        : base(status, requestId, acceptedRequestId, alreadyAccepted)
    {
        Value = value;
    }

    /// <summary>The body.</summary>
    public T Value { get; }

    /// <summary>The body.</summary>
    public static implicit operator T(LineResponse<T> response) => response.Value;
}
