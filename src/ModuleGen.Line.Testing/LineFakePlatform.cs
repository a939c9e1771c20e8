using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using ModuleGen.Line.Testing.Faults;
using ModuleGen.Line.Testing.Hosting;
using ModuleGen.Line.Testing.Sent;
using ModuleGen.Line.Testing.Spec;
using ModuleGen.Line.Testing.State;
using ModuleGen.Line.Testing.Stubs;
using ModuleGen.Line.Testing.Webhooks;

namespace ModuleGen.Line.Testing;

/// <summary>
/// A fake LINE platform for a module's tests: an in-process WireMock.Net server on a free loopback port that serves every
/// operation of the ModuleGen spec. Each request is checked against its operation first (method, path, query, the
/// Authorization scheme, the bot-id header exactly where required, the retry key exactly on push, multicast, narrowcast
/// and broadcast, the body against its schema); a request LINE would refuse gets LINE's 400/401/403 with an error body
/// naming the problem. The rest is answered like LINE: attach, the list of attached OAs, detach, chat control (423),
/// retry keys (409), single-use reply tokens; other operations with a body their spec allows.
/// </summary>
/// <example>
/// <code>
/// await using var platform = LineFakePlatform.Start();
/// var options = new LineClientOptions();
/// platform.MapEndpoints(options.Endpoints);                  // api.line.me, api-data.line.me, manager.line.biz → the fake
/// var pipeline = new LineClientPipeline(platform.CreateHttpClient(), options, tokens, credentials);
/// </code>
/// </example>
public sealed class LineFakePlatform : IDisposable, IAsyncDisposable
{
    private readonly WireMockHost host;
    private readonly LineSpec spec = LineSpec.Default;
    private readonly object gate = new();
    private readonly List<LineRecordedRequest> journal = [];
    private readonly List<LineStub> stubs = [];
    private readonly ModuleState module;
    private readonly MessagingState messaging = new();
    private readonly LineWebhookSender webhooks;
    private long sequence;

    private LineFakePlatform(LineFakePlatformOptions options)
    {
        Options = options;
        module = new ModuleState(options);
        Faults = new LineFaults(operationId => spec.Operations.Any(operation => operation.OperationId == operationId));
        Sent = new LineSentRequests(() => Requests, options.BotIdHeaderName);
        webhooks = new LineWebhookSender(options, messaging);
        host = new WireMockHost(ServeAsync);
    }

    /// <summary><c>http://127.0.0.1:{port}/</c>: where every LINE host of the spec is served.</summary>
    public Uri BaseAddress => host.BaseAddress;

    /// <summary>The module's channel, credentials and webhook target.</summary>
    public LineFakePlatformOptions Options { get; }

    /// <summary>Every request received since the start or the last <see cref="Reset"/>, oldest first, refused ones included.</summary>
    public IReadOnlyList<LineRecordedRequest> Requests
    {
        get
        {
            lock (gate)
            {
                return journal.ToArray();
            }
        }
    }

    /// <summary>What the module sent that LINE accepted, per OA and operation, as parsed request models.</summary>
    public LineSentRequests Sent { get; }

    /// <summary>Faults planned for the next calls of an operation.</summary>
    public LineFaults Faults { get; }

    /// <summary>The OAs the module is attached to, in the order they were attached.</summary>
    public IReadOnlyList<LineFakeBot> AttachedBots => module.Bots;

    /// <summary>Starts a fake platform with the default options on a free loopback port.</summary>
    public static LineFakePlatform Start() => new(new LineFakePlatformOptions());

    /// <summary>Starts a fake platform with <paramref name="options"/> on a free loopback port.</summary>
    public static LineFakePlatform Start(LineFakePlatformOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new(options);
    }

    /// <summary>Starts a fake platform after <paramref name="configure"/> has set its options.</summary>
    public static LineFakePlatform Start(Action<LineFakePlatformOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var options = new LineFakePlatformOptions();
        configure(options);
        return Start(options);
    }

    /// <summary>
    /// Maps every LINE host the spec names (api.line.me, api-data.line.me, manager.line.biz) to <see cref="BaseAddress"/>:
    /// the same endpoint map a module uses to reach LINE, so the rule "the token goes only to mapped hosts" still holds.
    /// </summary>
    public LineEndpoints MapEndpoints(LineEndpoints endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        foreach (var server in spec.Operations.Select(operation => operation.ServerUrl).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            endpoints.Map(server, BaseAddress);
        }

        return endpoints;
    }

    /// <summary>A handler for the module's HttpClient: <see cref="CreateFaultHandler"/> over a proxy-free socket handler.</summary>
    public HttpMessageHandler CreateHandler()
    {
        var handler = CreateFaultHandler();
        handler.InnerHandler = new SocketsHttpHandler { UseProxy = false };
        return handler;
    }

    /// <summary>
    /// The handler that injects the connection faults of <see cref="Faults"/>, without an inner handler: for
    /// <c>IHttpClientBuilder.AddHttpMessageHandler(() =&gt; platform.CreateFaultHandler())</c>.
    /// </summary>
    public LineFaultInjectionHandler CreateFaultHandler() => new(this);

    /// <summary>A new HttpClient over <see cref="CreateHandler"/>; the caller disposes it.</summary>
    public HttpClient CreateHttpClient() => new(CreateHandler());

    /// <summary>
    /// An answer of your own for <paramref name="operationId"/> (on the path expanded from <paramref name="pathValues"/>,
    /// or any path of the operation when none are given); it takes precedence over the fake's own answer, never over the
    /// spec check.
    /// </summary>
    /// <exception cref="KeyNotFoundException">The spec has no such operation.</exception>
    public LineStub Stub(string operationId, params (string Name, string Value)[] pathValues)
    {
        var operation = spec.Operation(operationId);
        var path = pathValues.Length == 0 && operation.PlaceholderCount > 0 ? null : operation.ExpandPath(pathValues);
        return new LineStub(operationId, path, Interlocked.Increment(ref sequence), stub =>
        {
            lock (gate)
            {
                stubs.Add(stub);
            }
        });
    }

    /// <summary>Attaches the module to an OA without the OAuth round trip (a new bot ID when none is given).</summary>
    /// <exception cref="ArgumentException"><paramref name="botId"/> is not a bot user ID.</exception>
    public LineFakeBot AttachBot(string? botId = null, IEnumerable<string>? scopes = null, string? displayName = null) =>
        module.Attach(botId, scopes, displayName);

    /// <summary>
    /// Plays the OA admin who approves the module at the authorize URL: returns the redirect back to the module with a
    /// single-use <c>code</c> and the <c>state</c>. Exchanging the code (attachModule) attaches the OA.
    /// </summary>
    /// <param name="authorizeUrl">The URL the module sends the admin to (<c>LineAttachAuthorization.Create(…).Url</c>).</param>
    /// <param name="botId">The OA the admin picks; a new one when <see langword="null"/>.</param>
    /// <param name="scopes">The scopes granted; the URL's <c>scope</c> when <see langword="null"/>.</param>
    /// <exception cref="ArgumentException">The URL lacks a parameter LINE requires, or names another channel.</exception>
    public Uri ApproveAttach(Uri authorizeUrl, string? botId = null, IEnumerable<string>? scopes = null)
    {
        ArgumentNullException.ThrowIfNull(authorizeUrl);
        return module.Approve(authorizeUrl, botId, scopes);
    }

    /// <summary>Another channel takes chat control of <paramref name="chatId"/>: the module's acquire gets 423 for <see cref="LineFakePlatformOptions.ChatControlLock"/>.</summary>
    public void GiveChatControlToAnotherChannel(string botId, string chatId) =>
        module.GiveChatControlToAnotherChannel(botId, chatId, Options.TimeProvider.GetUtcNow());

    /// <summary>Whether the module holds chat control of <paramref name="chatId"/> in the OA.</summary>
    public bool ModuleHasChatControl(string botId, string chatId) => module.ModuleHasChatControl(botId, chatId);

    /// <summary>
    /// Signs the events as LINE does (HMAC-SHA256 of the body with the module's channel secret, base64, in
    /// <c>x-line-signature</c>) and posts <c>{"destination": botId, "events": […]}</c> to the module. Reply tokens of the
    /// events become valid for one reply each.
    /// </summary>
    /// <returns>The module's answer (LINE expects 200).</returns>
    /// <exception cref="InvalidOperationException">No <see cref="LineFakePlatformOptions.WebhookUrl"/> is set.</exception>
    public Task<HttpResponseMessage> SendWebhookAsync(string destinationBotId, params LineWebhookEvent[] events) =>
        webhooks.SendAsync(destinationBotId, events, CancellationToken.None);

    /// <inheritdoc cref="SendWebhookAsync(string, LineWebhookEvent[])"/>
    public Task<HttpResponseMessage> SendWebhookAsync(string destinationBotId, IEnumerable<LineWebhookEvent> events, CancellationToken cancellationToken) =>
        webhooks.SendAsync(destinationBotId, events, cancellationToken);

    /// <summary>Forgets every request, stub, planned fault, attached OA, chat control, retry key and reply token.</summary>
    public void Reset()
    {
        lock (gate)
        {
            journal.Clear();
            stubs.Clear();
        }

        Faults.Clear();
        module.Clear();
        messaging.Clear();
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        host.Dispose();
        webhooks.Dispose();
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>The operation a method and a raw (percent-encoded) path belong to; the most literal template wins.</summary>
    internal string? ResolveOperationId(string method, string rawPath) => ResolveOperation(method, rawPath)?.OperationId;

    private SpecOperation? ResolveOperation(string method, string rawPath) =>
        spec.Operations
            .Where(operation => string.Equals(operation.Method, method, StringComparison.OrdinalIgnoreCase) && operation.MatchesPath(rawPath))
            .OrderBy(operation => operation.PlaceholderCount)
            .FirstOrDefault();

    private async Task<FakeAnswer> ServeAsync(LineRecordedRequest request)
    {
        var requestId = Guid.NewGuid().ToString("N");
        var operation = ResolveOperation(request.Method, request.Path);
        string? refusal = null;
        FakeAnswer answer;
        if (operation is null)
        {
            answer = LineErrors.Answer(404, LineErrors.NotFound);
        }
        else if (spec.Check(operation.OperationId, request, Options.BotIdHeaderName) is { Count: > 0 } violations)
        {
            (answer, refusal) = Refuse(violations);
        }
        else
        {
            answer = await AnswerConformingAsync(operation, request, requestId).ConfigureAwait(false);
        }

        lock (gate)
        {
            journal.Add(request with
            {
                OperationId = operation?.OperationId,
                Status = answer.Status,
                RequestId = answer.Header("X-Line-Request-Id"),
                Refusal = refusal,
            });
        }

        return answer;
    }

    private async Task<FakeAnswer> AnswerConformingAsync(SpecOperation operation, LineRecordedRequest request, string requestId)
    {
        var fault = Faults.Take(operation.OperationId, kind => kind is LineFaultKind.Status or LineFaultKind.Delay);
        if (fault is { Kind: LineFaultKind.Status })
        {
            return LineErrors.Answer(fault.Status, fault.Message!).WithDefaultHeader("X-Line-Request-Id", requestId);
        }

        if (fault is { Kind: LineFaultKind.Delay })
        {
            await Task.Delay(fault.Delay).ConfigureAwait(false);
        }

        if (FindStub(operation.OperationId, request) is { } stub)
        {
            if (stub.Delay > TimeSpan.Zero)
            {
                await Task.Delay(stub.Delay).ConfigureAwait(false);
            }

            return stub.Answer;
        }

        return LineBehaviour(operation, request, requestId).WithDefaultHeader("X-Line-Request-Id", requestId);
    }

    private LineStub? FindStub(string operationId, LineRecordedRequest request)
    {
        lock (gate)
        {
            return stubs
                .Where(stub => stub.OperationId == operationId && stub.Matches(request))
                .OrderBy(stub => stub.Priority)
                .ThenByDescending(stub => stub.Sequence)
                .FirstOrDefault();
        }
    }

    /// <summary>How LINE answers a conforming request, remembering what it remembers.</summary>
    private FakeAnswer LineBehaviour(SpecOperation operation, LineRecordedRequest request, string requestId)
    {
        switch (operation.OperationId)
        {
            case "attachModule":
                return module.ExchangeCode(request);
            case "getModules":
                return module.ListBots(request);
            case "detachModule":
                return module.Detach(request);
        }

        if (operation.BotIdHeader is null)
        {
            return DefaultAnswer(operation);
        }

        var botId = request.Header(Options.BotIdHeaderName)!;
        if (AttachedBots.FirstOrDefault(bot => bot.BotId == botId) is not { } bot)
        {
            return LineErrors.Answer(403, LineErrors.NotAvailable, [($"the module is not attached to {botId}", Options.BotIdHeaderName)]);
        }

        if (operation.RequiredScopes.FirstOrDefault(scope => !bot.Scopes.Contains(scope)) is { } missingScope)
        {
            return LineErrors.Answer(403, LineErrors.NotAvailable, [($"the OA did not grant the scope {missingScope}", null)]);
        }

        var now = Options.TimeProvider.GetUtcNow();
        return operation.OperationId switch
        {
            "acquireChatControl" => module.AcquireChatControl(botId, operation.PathValues(request.Path)["chatId"], now),
            "releaseChatControl" => module.ReleaseChatControl(botId, operation.PathValues(request.Path)["chatId"], now),
            "replyMessage" => messaging.Reply(request),
            "pushMessage" => messaging.SendOnce(RetryKey(operation, request), requestId, () => messaging.SentMessages(request)),
            _ when operation.RetryKeyHeader is not null => messaging.SendOnce(RetryKey(operation, request), requestId, () => DefaultAnswer(operation)),
            _ => DefaultAnswer(operation),
        };
    }

    private static string RetryKey(SpecOperation operation, LineRecordedRequest request) => request.Header(operation.RetryKeyHeader!.Name)!;

    private FakeAnswer DefaultAnswer(SpecOperation operation)
    {
        if (operation.SuccessResponse is not { } response)
        {
            return FakeAnswer.Empty(200);
        }

        if (response.MediaType is null)
        {
            return FakeAnswer.Empty(response.Status);
        }

        return response.MediaType.Contains("json", StringComparison.OrdinalIgnoreCase)
            ? FakeAnswer.Json(response.Status, SpecDefaultResponse.Body(spec, response)?.ToJsonString() ?? "{}")
            : new FakeAnswer(response.Status, [("Content-Type", response.MediaType)], []);
    }

    /// <summary>
    /// LINE's answer to a request that breaks the spec: 401 for the Authorization header, 403 with LINE's "not available"
    /// message without the bot id, else 400; the details name every problem, and the journal keeps them as the refusal.
    /// </summary>
    private static (FakeAnswer Answer, string Message) Refuse(IReadOnlyList<SpecViolation> violations)
    {
        var details = violations.Select(violation => (violation.Message, violation.Property)).ToList();
        var all = string.Join("; ", violations.Select(violation => violation.Message));
        var (status, message) =
            violations.FirstOrDefault(violation => violation.Kind == SpecViolationKind.Authorization) is { } authorization
                ? (401, "Authentication failed due to the following reason: " + authorization.Message)
                : violations.Any(violation => violation.Kind == SpecViolationKind.MissingBotId)
                    ? (403, LineErrors.NotAvailable)
                    : (400, violations.Count == 1 ? all : $"The request has {violations.Count.ToString(CultureInfo.InvariantCulture)} error(s): {all}");
        return (LineErrors.Answer(status, message, details), all);
    }
}
