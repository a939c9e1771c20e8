using System;
using System.ComponentModel;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;

namespace ModuleGen.Line.Runtime;

/// <summary>
/// Per-request settings generated code puts on one <see cref="HttpRequestMessage"/>, never on the shared client. Part of
/// the runtime contract (<see cref="LineRuntimeContract"/>); handlers read what it records through <see cref="LineRequestOptions"/>.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class LineRequest
{
    /// <summary>Sets a header on this message only; does nothing when <paramref name="value"/> is null.</summary>
    public static void SetHeader(HttpRequestMessage message, string name, string? value)
    {
        if (value is null)
        {
            return;
        }

        message.Headers.Remove(name);
        if (!message.Headers.TryAddWithoutValidation(name, value))
        {
            throw new ArgumentException($"'{name}' cannot be sent as a request header.", nameof(name));
        }
    }

    /// <summary>Sets the retry key header and records the key on the message for handlers and logs.</summary>
    public static void SetRetryKey(HttpRequestMessage message, string headerName, string retryKey)
    {
        SetHeader(message, headerName, retryKey);
        message.Options.Set(LineRequestOptions.RetryKey, retryKey);
    }

    /// <summary>Binary request content of the given media type; the caller keeps owning the stream.</summary>
    public static HttpContent BinaryContent(Stream content, string contentType)
    {
        var body = new StreamContent(new NonDisposingStream(content));
        body.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (content.CanSeek)
        {
            body.Headers.ContentLength = content.Length - content.Position;
        }

        return body;
    }

    /// <summary>Keeps HttpClient from disposing a stream the caller owns.</summary>
    internal sealed class NonDisposingStream : Stream
    {
        private readonly Stream _inner;

        public NonDisposingStream(Stream inner) => _inner = inner;

        public override bool CanRead => _inner.CanRead;

        public override bool CanSeek => _inner.CanSeek;

        public override bool CanWrite => false;

        public override long Length => _inner.Length;

        public override long Position
        {
            get => _inner.Position;
            set => _inner.Position = value;
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, count);

        public override System.Threading.Tasks.ValueTask<int> ReadAsync(Memory<byte> buffer, System.Threading.CancellationToken cancellationToken = default)
            => _inner.ReadAsync(buffer, cancellationToken);

        public override long Seek(long offset, SeekOrigin origin) => _inner.Seek(offset, origin);

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
