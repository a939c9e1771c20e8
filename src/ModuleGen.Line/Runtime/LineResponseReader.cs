using System.ComponentModel;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace ModuleGen.Line.Runtime;

/// <summary>
/// Turns an HTTP response into the value a generated operation returns. Part of the runtime contract
/// (<see cref="LineRuntimeContract"/>): called by generated code, not by modules.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class LineResponseReader
{
    /// <summary>A response without a body: status, request IDs, and whether LINE had already accepted the request.</summary>
    /// <param name="response">A successful response.</param>
    public static LineResponse Create(HttpResponseMessage response) => LineResponse.Create(response);

    /// <summary>Reads a JSON body with the model's generated reader.</summary>
    /// <typeparam name="T">The generated model of the body.</typeparam>
    /// <param name="response">A successful response whose body the pipeline has buffered.</param>
    /// <param name="operation">The operation, named in the error when the body cannot be read.</param>
    /// <param name="cancellationToken">Cancels reading the body.</param>
    /// <exception cref="LineResponseUnreadableException">The body is not the JSON the spec describes.</exception>
    public static Task<LineResponse<T>> ReadJsonAsync<T>(HttpResponseMessage response, LineOperation operation, CancellationToken cancellationToken)
        where T : ILineJsonModel<T>
        => LineResponse.ReadJsonAsync<T>(response, operation, cancellationToken);

    /// <summary>Takes ownership of a response read with <see cref="HttpCompletionOption.ResponseHeadersRead"/>.</summary>
    /// <param name="response">A successful response; disposed with the returned value (or at once if this throws).</param>
    public static LineStreamResponse FromStreamingResponse(HttpResponseMessage response) => LineStreamResponse.FromStreamingResponse(response);
}
