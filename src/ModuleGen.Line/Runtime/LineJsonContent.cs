using System.ComponentModel;
using System.Net.Http;
using System.Net.Http.Headers;

namespace ModuleGen.Line.Runtime;

/// <summary>JSON request content written by a model's generated writer.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class LineJsonContent
{
    private static readonly MediaTypeHeaderValue JsonMediaType = MediaTypeHeaderValue.Parse("application/json; charset=utf-8");

    /// <summary>
    /// Validates the model as a request (strict: nothing LINE would refuse is sent), then serializes it once into a
    /// buffer, so a retried request re-sends the very same bytes.
    /// </summary>
    public static HttpContent Create<T>(T model)
        where T : ILineJsonModel<T>
    {
        model.Validate();
        var content = new ByteArrayContent(LineJsonWriter.ToUtf8Bytes(model));
        content.Headers.ContentType = JsonMediaType;
        return content;
    }
}
