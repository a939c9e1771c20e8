using System;
using System.IO;
using System.Net.Http;
using ModuleGen.Line.Runtime;

namespace ModuleGen.Line;

/// <summary>
/// A binary response read without buffering: <see cref="Content"/> streams from the connection. Dispose it (the
/// caller owns it) to release the connection.
/// </summary>
public sealed class LineStreamResponse : LineResponse, IDisposable
{
    private readonly HttpResponseMessage _response;

    private LineStreamResponse(HttpResponseMessage response, string? requestId)
        : base((int)response.StatusCode, requestId)
    {
        _response = response;
        Content = response.Content.ReadAsStream();
        ContentType = response.Content.Headers.ContentType?.ToString();
        ContentLength = response.Content.Headers.ContentLength;
    }

    /// <summary>The body stream.</summary>
    public Stream Content { get; }

    /// <summary>The Content-Type LINE sent.</summary>
    public string? ContentType { get; }

    /// <summary>The Content-Length LINE sent, when it sent one.</summary>
    public long? ContentLength { get; }

    /// <summary>Takes ownership of a response read with <see cref="HttpCompletionOption.ResponseHeadersRead"/> (generated code reaches it through <see cref="LineResponseReader"/>).</summary>
    internal static LineStreamResponse FromStreamingResponse(HttpResponseMessage response)
    {
        try
        {
            return new LineStreamResponse(response, Header(response, RequestIdHeader));
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    /// <summary>Releases the connection.</summary>
    public void Dispose() => _response.Dispose();
}
