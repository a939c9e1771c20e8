using System;
using System.IO;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace ModuleGen.Line.Testing.Faults;

/// <summary>
/// The client side of the fake's connection faults (WireMock.Net cannot reset a connection): before a call it takes a
/// planned <see cref="LineFaultPlan.ResetBeforeRequest"/> or <see cref="LineFaultPlan.LoseAnswer"/> of the call's
/// operation and throws the <see cref="HttpRequestException"/> a reset connection gives. Get one from
/// <see cref="LineFakePlatform.CreateHandler"/> or <see cref="LineFakePlatform.CreateFaultHandler"/>.
/// </summary>
public sealed class LineFaultInjectionHandler : DelegatingHandler
{
    private readonly LineFakePlatform platform;

    internal LineFaultInjectionHandler(LineFakePlatform platform) => this.platform = platform;

    /// <inheritdoc/>
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var operationId = request.RequestUri is { } uri ? platform.ResolveOperationId(request.Method.Method, uri.AbsolutePath) : null;
        var fault = operationId is null
            ? null
            : platform.Faults.Take(operationId, kind => kind is LineFaultKind.ResetBeforeRequest or LineFaultKind.AnswerLost);
        if (fault is null)
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        if (fault.Kind == LineFaultKind.AnswerLost)
        {
            using var lost = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            await lost.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
        }

        throw new HttpRequestException(
            HttpRequestError.ConnectionError,
            $"The connection was reset ({(fault.Kind == LineFaultKind.AnswerLost ? "after the fake LINE platform served" : "before it reached the fake LINE platform")}: a planned fault of {operationId}).",
            new IOException("Connection reset by peer", new SocketException((int)SocketError.ConnectionReset)));
    }
}
