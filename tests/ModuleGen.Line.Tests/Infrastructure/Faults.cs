using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace ModuleGen.Line.Tests.Infrastructure;

/// <summary>What a fault-injecting fake LINE can do to one attempt, and LINE's own answers.</summary>
public static class Faults
{
    public const string RateLimitMessage = "The API rate limit has been exceeded. Try again later.";
    public const string MonthlyLimitMessage = "You have reached your monthly limit.";
    public const string ConcurrencyLimitMessage = "The concurrent request limit has been exceeded.";

    /// <summary>The connection is reset after the request went out: LINE may or may not have done the work.</summary>
    public static HttpRequestException Reset()
        => new(HttpRequestError.ResponseEnded, "An error occurred while sending the request.", new IOException("Connection reset by peer"));

    public static HttpResponseMessage Ok(string requestId = "req-ok") => FakeLineHandler.Json(HttpStatusCode.OK, "{}", ("X-Line-Request-Id", requestId));

    public static HttpResponseMessage ServerError() => FakeLineHandler.Json(HttpStatusCode.InternalServerError, """{"message":"Internal error"}""", ("X-Line-Request-Id", "req-500"));

    public static HttpResponseMessage TooManyRequests(string message)
        => FakeLineHandler.Json(HttpStatusCode.TooManyRequests, $$"""{"message":"{{message}}"}""", ("X-Line-Request-Id", "req-429"));

    public static HttpResponseMessage AlreadyAccepted(string acceptedRequestId)
        => FakeLineHandler.Json(HttpStatusCode.Conflict, """{"message":"The retry key is already accepted"}""", ("X-Line-Request-Id", "req-409"), ("X-Line-Accepted-Request-Id", acceptedRequestId));

    /// <summary>Hangs until the attempt is abandoned.</summary>
    public static async Task<HttpResponseMessage> Hang(CancellationToken cancellationToken)
    {
        await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
        throw new InvalidOperationException("unreachable");
    }

    /// <summary>A 200 whose body breaks off after a few bytes (the connection dropped mid-body).</summary>
    public static HttpResponseMessage OkWithBrokenBody(string requestId)
    {
        var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new BreakingStream()) };
        response.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
        response.Headers.TryAddWithoutValidation("X-Line-Request-Id", requestId);
        return response;
    }

    private sealed class BreakingStream : Stream
    {
        private bool _sentSome;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_sentSome)
            {
                throw new IOException("Connection reset by peer");
            }

            _sentSome = true;
            buffer[offset] = (byte)'{';
            return 1;
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
