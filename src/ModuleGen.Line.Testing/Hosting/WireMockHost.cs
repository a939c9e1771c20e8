using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.Features;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;
using WireMock.Types;
using WireMock.Util;

namespace ModuleGen.Line.Testing.Hosting;

/// <summary>
/// The in-process WireMock.Net server under the fake: one catch-all mapping whose callback hands every request, as a
/// <see cref="LineRecordedRequest"/>, to the platform. The platform, not a set of WireMock matchers, decides the answer,
/// because a request that breaks the spec must get LINE's 400/401 naming the problem rather than WireMock's 404.
/// </summary>
internal sealed class WireMockHost : IDisposable
{
    /// <summary>
    /// Kestrel decodes the path before WireMock sees it, so a middleware passes the target exactly as sent in this header;
    /// the journal shows the request without it.
    /// </summary>
    private const string RawTargetHeader = "X-ModuleGen-Fake-Raw-Target";

    private readonly WireMockServer server;

    public WireMockHost(Func<LineRecordedRequest, Task<FakeAnswer>> serve)
    {
        server = WireMockServer.Start(new WireMockServerSettings
        {
            Urls = ["http://127.0.0.1:0"],
            StartAdminInterface = false,
            ReadStaticMappings = false,
            DisableJsonBodyParsing = true,
            DisableRequestBodyDecompressing = true,
            DisableDeserializeFormUrlEncoded = true,
            AllowBodyForAllHttpMethods = true,
            MaxRequestLogCount = 0,
            PreWireMockMiddlewareInit = app => ((IApplicationBuilder)app).Use((context, next) =>
            {
                context.Request.Headers[RawTargetHeader] = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? "";
                return next(context);
            }),
        });
        server.Given(Request.Create().UsingAnyMethod())
            .RespondWith(Response.Create().WithCallback(async message => ToResponse(await serve(ToRecorded(message)).ConfigureAwait(false))));
        BaseAddress = new Uri(server.Urls[0] + "/");
    }

    /// <summary><c>http://127.0.0.1:{port}/</c>.</summary>
    public Uri BaseAddress { get; }

    public void Dispose()
    {
        server.Stop();
        server.Dispose();
    }

    private static LineRecordedRequest ToRecorded(IRequestMessage message)
    {
        var headers = new LineRecordedRequest.ValuesByName(StringComparer.OrdinalIgnoreCase);
        var target = "";
        foreach (var (name, values) in message.Headers ?? new Dictionary<string, WireMockList<string>>())
        {
            if (string.Equals(name, RawTargetHeader, StringComparison.OrdinalIgnoreCase))
            {
                target = values.FirstOrDefault() ?? "";
                continue;
            }

            foreach (var value in values)
            {
                headers.Add(name, value);
            }
        }

        var queryStart = target.IndexOf('?', StringComparison.Ordinal);
        var bytes = message.BodyAsBytes ?? message.BodyData?.BodyAsBytes ?? (message.Body is { } text ? Encoding.UTF8.GetBytes(text) : []);
        return new LineRecordedRequest(
            Method: message.Method,
            Url: target,
            Path: queryStart < 0 ? target : target[..queryStart],
            Query: queryStart < 0 ? new Dictionary<string, IReadOnlyList<string>>() : LineRecordedRequest.ParseQuery(target[(queryStart + 1)..]),
            Headers: headers.Freeze(),
            Body: Encoding.UTF8.GetString(bytes),
            BodyBytes: bytes,
            LoggedAt: message.DateTime);
    }

    private static ResponseMessage ToResponse(FakeAnswer answer)
    {
        var headers = new Dictionary<string, WireMockList<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in answer.Headers)
        {
            headers[name] = headers.TryGetValue(name, out var existing) ? new WireMockList<string>([.. existing, value]) : new WireMockList<string>(value);
        }

        return new ResponseMessage
        {
            StatusCode = answer.Status,
            Headers = headers,
            BodyData = answer.Body.Length == 0 ? null : new BodyData { BodyAsBytes = answer.Body, DetectedBodyType = BodyType.Bytes },
        };
    }
}
