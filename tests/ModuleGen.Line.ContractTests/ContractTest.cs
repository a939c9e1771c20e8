using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using ModuleGen.Line.ContractTests.Messaging;
using ModuleGen.Line.ContractTests.Module;
using ModuleGen.Line.Testing;
using ModuleGen.Line.Testing.Spec;
using Shouldly;
using Xunit;

namespace ModuleGen.Line.ContractTests;

/// <summary>
/// The base of the contract test classes: the shared fake platform, reset before every test, and the one call most
/// tests make (fresh clients, the answer's status and X-Line-Request-Id, exactly one recorded request), written once
/// so that a test states only its operation's arguments and the values it expects.
/// </summary>
public abstract class ContractTest(LinePlatformFixture fixture) : IAsyncLifetime
{
    /// <summary>The platform the collection shares, empty at the start of every test.</summary>
    private protected LineFakePlatform Platform => fixture.Platform;

    /// <inheritdoc/>
    public Task InitializeAsync()
    {
        Platform.Reset();
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>
    /// Calls once through fresh <see cref="MessagingApiClients"/>: the answer carries <paramref name="status"/> and
    /// <paramref name="requestId"/> (null: LINE sent no X-Line-Request-Id), and the platform recorded exactly one request.
    /// </summary>
    private protected Task<(TResponse Response, LineRecordedRequest Request)> CallOnce<TResponse>(
        string? requestId,
        Func<MessagingApiClients, Task<TResponse>> call,
        int status = 200)
        where TResponse : LineResponse =>
        CallOnce(() => new MessagingApiClients(Platform), requestId, call, status);

    /// <summary>The same as <see cref="CallOnce{TResponse}(string, Func{MessagingApiClients, Task{TResponse}}, int)"/> through fresh <see cref="ModuleApiClients"/>.</summary>
    private protected Task<(TResponse Response, LineRecordedRequest Request)> CallModuleOnce<TResponse>(
        string? requestId,
        Func<ModuleApiClients, Task<TResponse>> call,
        int status = 200)
        where TResponse : LineResponse =>
        CallOnce(() => new ModuleApiClients(Platform), requestId, call, status);

    /// <summary>
    /// An operation LINE answers with only a status: stubbed for the bot (with its exact token and bot id, and these path
    /// values) to answer 200 with <paramref name="requestId"/>, called once through <see cref="CallOnce{TResponse}"/>;
    /// returns the one recorded request.
    /// </summary>
    private protected async Task<LineRecordedRequest> ShouldSucceedWithoutAnAnswerBody(
        string operationId,
        string requestId,
        Func<MessagingApiClients, Task<LineResponse>> call,
        params (string Name, string Value)[] pathValues)
    {
        Platform.BotStub(operationId, pathValues).RespondStatus(200, ("X-Line-Request-Id", requestId));
        var (_, request) = await CallOnce(requestId, call);
        return request;
    }

    /// <summary>
    /// The client refuses <paramref name="call"/> with <typeparamref name="TException"/> before it sends anything (the
    /// platform recorded no request); returns the exception for what is particular to the refusal.
    /// </summary>
    private protected async Task<TException> ShouldRefuseBeforeAnyRequest<TException>(Func<MessagingApiClients, Task> call)
        where TException : Exception
    {
        using var clients = new MessagingApiClients(Platform);
        var exception = await Should.ThrowAsync<TException>(() => call(clients));
        Platform.Requests.ShouldBeEmpty();
        return exception;
    }

    /// <summary>
    /// A download through <paramref name="call"/>: 200, <paramref name="requestId"/>, the <paramref name="contentType"/>
    /// and exactly <paramref name="expected"/> streamed; returns the one recorded request.
    /// </summary>
    private protected async Task<LineRecordedRequest> ShouldDownloadOnce(
        string requestId,
        string contentType,
        byte[] expected,
        Func<MessagingApiClients, Task<LineStreamResponse>> call)
    {
        using var clients = new MessagingApiClients(Platform);
        using var response = await call(clients);
        ShouldBeAnswer(response, 200, requestId);
        response.ContentType.ShouldBe(contentType);
        using var buffer = new MemoryStream();
        await response.Content.CopyToAsync(buffer);
        buffer.ToArray().ShouldBe(expected);
        return Platform.Requests.ShouldHaveSingleItem();
    }

    /// <summary>
    /// Walks every page through <paramref name="walk"/> with fresh <see cref="MessagingApiClients"/>: returns the items
    /// and the requests the platform recorded, exactly <paramref name="pages"/> of them.
    /// </summary>
    private protected async Task<(List<T> Items, IReadOnlyList<LineRecordedRequest> Requests)> WalkPages<T>(
        Func<MessagingApiClients, IAsyncEnumerable<T>> walk,
        int pages = 2)
    {
        using var clients = new MessagingApiClients(Platform);
        var items = await walk(clients).ToListAsync();
        var requests = Platform.Requests;
        requests.Count.ShouldBe(pages);
        return (items, requests);
    }

    private static void ShouldBeAnswer(LineResponse response, int status, string? requestId)
    {
        response.Status.ShouldBe(status);
        response.RequestId.ShouldBe(requestId);
    }

    private async Task<(TResponse Response, LineRecordedRequest Request)> CallOnce<TClients, TResponse>(
        Func<TClients> createClients,
        string? requestId,
        Func<TClients, Task<TResponse>> call,
        int status)
        where TClients : IDisposable
        where TResponse : LineResponse
    {
        using var clients = createClients();
        var response = await call(clients);
        ShouldBeAnswer(response, status, requestId);
        return (response, Platform.Requests.ShouldHaveSingleItem());
    }
}
