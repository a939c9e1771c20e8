using System;
using System.Buffers;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace ModuleGen.Line.AspNetCore.Webhooks;

/// <summary>Reads a request body into memory, exactly as sent, giving up as soon as it passes a size limit.</summary>
internal static class LineWebhookBodyReader
{
    private const int ReadChunk = 16 * 1024;

    /// <summary>The body, or <see langword="null"/> when it is longer than <paramref name="maxBytes"/>.</summary>
    public static async Task<ReadOnlyMemory<byte>?> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength is { } declared && declared > maxBytes)
        {
            return null;
        }

        int initialCapacity = (int)Math.Min(request.ContentLength ?? ReadChunk, maxBytes) + 1;
        var buffer = new ArrayBufferWriter<byte>(initialCapacity);
        Stream body = request.Body;
        while (true)
        {
            int read = await body.ReadAsync(buffer.GetMemory(ReadChunk), cancellationToken).ConfigureAwait(false);
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
}
