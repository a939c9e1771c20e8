using System;
using System.Buffers;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace ModuleGen.Line.AspNetCore.Webhooks;

/// <summary>
/// Reads a request body into memory, exactly as sent: into one buffer of the declared Content-Length when there is one
/// (LINE always sends it), growing only for a chunked body, and giving up as soon as it passes a size limit.
/// </summary>
internal static class LineWebhookBodyReader
{
    private const int ReadChunk = 16 * 1024;

    /// <summary>The body, or <see langword="null"/> when it is longer than <paramref name="maxBytes"/>.</summary>
    /// <exception cref="BadHttpRequestException">The client sent less than it declared, or too slowly (Kestrel's status says which).</exception>
    /// <exception cref="IOException">The connection failed mid-body.</exception>
    public static async Task<ReadOnlyMemory<byte>?> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength is { } declared)
        {
            if (declared > maxBytes)
            {
                return null;
            }

            return await ReadDeclaredAsync(request.Body, (int)declared, cancellationToken).ConfigureAwait(false);
        }

        var buffer = new ArrayBufferWriter<byte>(ReadChunk);
        var body = request.Body;
        while (true)
        {
            var read = await body.ReadAsync(buffer.GetMemory(ReadChunk), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return buffer.WrittenMemory;
            }

            buffer.Advance(read);
            if (buffer.WrittenCount > maxBytes)
            {
                return null;
            }
        }
    }

    private static async Task<ReadOnlyMemory<byte>> ReadDeclaredAsync(Stream body, int length, CancellationToken cancellationToken)
    {
        var buffer = new byte[length];
        var filled = 0;
        while (filled < length)
        {
            var read = await body.ReadAsync(buffer.AsMemory(filled), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                throw new IOException($"The body ended after {filled} of the {length} bytes its Content-Length declared.");
            }

            filled += read;
        }

        return buffer;
    }
}
