using System.ComponentModel;
using System.Net.Http;
using System.Net.Http.Headers;

// Plumbing for generated code (hidden from IntelliSense); the class summary documents the contract, members are self-describing.

namespace ModuleGen.Line.Runtime;

/// <summary>Parts of multipart/form-data request content.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class LineMultipart
{
    /// <summary>Adds a text part.</summary>
    public static void AddText(MultipartFormDataContent content, string name, string value)
        => content.Add(new StringContent(value), name);

    /// <summary>Adds a file part; the caller keeps owning the file's stream.</summary>
    public static void AddFile(MultipartFormDataContent content, string name, LineFileContent file)
    {
        var part = new StreamContent(new LineRequest.NonDisposingStream(file.Content));
        part.Headers.ContentType = MediaTypeHeaderValue.Parse(file.ContentType);
        content.Add(part, name, file.FileName);
    }
}
