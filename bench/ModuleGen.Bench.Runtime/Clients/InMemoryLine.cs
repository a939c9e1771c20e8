using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;

namespace ModuleGen.Bench.Runtime.Clients;

/// <summary>
/// LINE answered from memory: the request body is read to the end (as a socket handler would send it), and a fresh
/// response with LINE's headers and a canned JSON body comes back. Every client under test ends in this handler.
/// </summary>
public sealed class InMemoryLine : HttpMessageHandler
{
    public const string BotId = "U4af4980629d3a8e1e85b1a0e9a3c1f2b";
    public const string UserId = "LUbcca95bf8e2f8559f823cdef7f73edd7-U4af4980629d3a8e1e85b1a0e9a3c1f2b";
    public const string AccessToken = "bench-access-token";
    public const string BaseAddress = "http://line.bench/";

    private static readonly byte[] PushAnswer = """{"sentMessages":[{"id":"588299867509460526","quoteToken":"pFUh6WAEXlWJNRryBjSpiWwYvq0r2Fn"}]}"""u8.ToArray();
    private static readonly byte[] ProfileAnswer = """{"displayName":"Sato","userId":"LUbcca95bf8e2f8559f823cdef7f73edd7-U4af4980629d3a8e1e85b1a0e9a3c1f2b","pictureUrl":"https://profile.line-scdn.net/abc","statusMessage":"hello","language":"ja"}"""u8.ToArray();
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Content is not null)
        {
            await request.Content.CopyToAsync(Stream.Null, cancellationToken).ConfigureAwait(false);
        }

        var body = new ByteArrayContent(request.Method == HttpMethod.Post ? PushAnswer : ProfileAnswer);
        body.Headers.ContentType = Json;
        var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = body, RequestMessage = request };
        response.Headers.TryAddWithoutValidation("X-Line-Request-Id", "f70dd685-499a-4231-a441-f24b8d4fba21");
        return response;
    }
}
