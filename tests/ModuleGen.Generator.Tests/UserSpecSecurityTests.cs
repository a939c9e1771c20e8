using System;
using System.Linq;
using System.Threading.Tasks;
using ModuleGen.Generator.Tests.Infrastructure;
using Shouldly;
using Xunit;

namespace ModuleGen.Generator.Tests;

/// <summary>
/// A spec of your own, generated and run: each operation is signed with the credentials of the security scheme it
/// names, an operation without security sends nothing, and LINE's channel access token — present in the pipeline —
/// never reaches the partner's host.
/// </summary>
public sealed class UserSpecSecurityTests : IClassFixture<UserSpecSecurityTests.PartnerApi>
{
    private const string LineToken = "LINE-CHANNEL-ACCESS-TOKEN";
    private readonly PartnerApi _api;

    public UserSpecSecurityTests(PartnerApi api) => _api = api;

    [Theory]
    [InlineData("Bearer", "/bearer", "Authorization=Bearer partner-token")]
    [InlineData("Basic", "/basic", "Authorization=Basic dXNlcjpwYXNz")]
    [InlineData("HeaderKey", "/header-key", "X-Api-Key=key-in-header")]
    [InlineData("QueryKey", "/query-key?api_key=key-in-query", "")]
    [InlineData("None", "/open", "")]
    public async Task EachOperationIsSignedWithItsSchemesCredentialsAndNeverWithLinesToken(string operation, string pathAndQuery, string credential)
    {
        var sent = await _api.CallAsync(operation);

        sent.ShouldStartWith("https://partner.example.com" + pathAndQuery + " ");
        sent.ShouldNotContain(LineToken);
        sent.Substring(sent.IndexOf(' ', StringComparison.Ordinal) + 1).ShouldBe(credential);
    }

    [Fact]
    public async Task AnOperationWhoseSchemeHasNoCredentialsFailsBeforeSendingAndSaysWhatToSet()
    {
        var exception = await Should.ThrowAsync<InvalidOperationException>(() => _api.CallAsync("Bearer", withCredentials: false));

        exception.Message.ShouldContain("'PartnerBearer'");
        exception.Message.ShouldContain("Credentials.UseBearer");
    }

    /// <summary>The partner spec, compiled with a probe that calls one operation through a capturing handler.</summary>
    public sealed class PartnerApi : IDisposable
    {
        private const string Spec = """
            openapi: 3.0.3
            info: { title: Partner, version: '1.0' }
            servers: [ { url: 'https://partner.example.com' } ]
            components:
              securitySchemes:
                PartnerBearer: { type: http, scheme: bearer }
                PartnerBasic: { type: http, scheme: basic }
                PartnerHeaderKey: { type: apiKey, in: header, name: X-Api-Key }
                PartnerQueryKey: { type: apiKey, in: query, name: api_key }
            paths:
              /bearer:
                get: { operationId: bearer, security: [ { PartnerBearer: [] } ], responses: { '200': { description: OK } } }
              /basic:
                get: { operationId: basic, security: [ { PartnerBasic: [] } ], responses: { '200': { description: OK } } }
              /header-key:
                get: { operationId: headerKey, security: [ { PartnerHeaderKey: [] } ], responses: { '200': { description: OK } } }
              /query-key:
                get: { operationId: queryKey, security: [ { PartnerQueryKey: [] } ], responses: { '200': { description: OK } } }
              /open:
                get: { operationId: open, responses: { '200': { description: OK } } }
            """;

        private const string Probe = """
            namespace TestApi.Probe;

            public static class SecurityProbe
            {
                public static async global::System.Threading.Tasks.Task<string> CallAsync(string operation, bool withCredentials)
                {
                    var capture = new Capture();
                    var options = new global::ModuleGen.Line.LineClientOptions();
                    if (withCredentials)
                    {
                        options.Credentials
                            .UseBearer("PartnerBearer", "partner-token")
                            .UseBasic("PartnerBasic", "user", "pass")
                            .UseApiKey("PartnerHeaderKey", "key-in-header")
                            .UseApiKey("PartnerQueryKey", "key-in-query");
                    }

                    var pipeline = new global::ModuleGen.Line.LineClientPipeline(
                        new global::System.Net.Http.HttpClient(capture), options, new global::ModuleGen.Line.LineStaticAccessTokenProvider("LINE-CHANNEL-ACCESS-TOKEN"));
                    var client = new global::TestApi.PartnerClient(pipeline);
                    switch (operation)
                    {
                        case "Bearer": await client.BearerAsync(); break;
                        case "Basic": await client.BasicAsync(); break;
                        case "HeaderKey": await client.HeaderKeyAsync(); break;
                        case "QueryKey": await client.QueryKeyAsync(); break;
                        default: await client.OpenAsync(); break;
                    }

                    return capture.Sent;
                }

                private sealed class Capture : global::System.Net.Http.HttpMessageHandler
                {
                    public string Sent = "";

                    protected override global::System.Threading.Tasks.Task<global::System.Net.Http.HttpResponseMessage> SendAsync(
                        global::System.Net.Http.HttpRequestMessage request, global::System.Threading.CancellationToken cancellationToken)
                    {
                        var credential = request.Headers.Authorization is { } auth ? "Authorization=" + auth.Scheme + " " + auth.Parameter
                            : request.Headers.TryGetValues("X-Api-Key", out var keys) ? "X-Api-Key=" + string.Join(",", keys) : "";
                        Sent = request.RequestUri!.AbsoluteUri + " " + credential;
                        return global::System.Threading.Tasks.Task.FromResult(new global::System.Net.Http.HttpResponseMessage(global::System.Net.HttpStatusCode.OK));
                    }
                }
            }
            """;

        private readonly CompiledAssembly _assembly;

        public PartnerApi()
        {
            var run = GeneratorDriverHarness.Run(SpecProject.Create().WithSpec("/specs/partner.yaml", Spec), Probe);
            run.Diagnostics.ShouldBeEmpty();
            run.CompilationProblems().Select(diagnostic => diagnostic.ToString()).ShouldBeEmpty();
            _assembly = CompiledAssembly.Load(run.OutputCompilation);
        }

        public Task<string> CallAsync(string operation, bool withCredentials = true)
            => (Task<string>)_assembly.Invoke("TestApi.Probe.SecurityProbe", "CallAsync", operation, withCredentials)!;

        public void Dispose() => _assembly.Dispose();
    }
}
