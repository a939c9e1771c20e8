using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace ModuleGen.Generator.Parsing;

/// <summary>A response of an <see cref="OperationSource"/>: its status code as written and its node, <c>$ref</c> followed.</summary>
internal sealed class ResponseSource
{
    public ResponseSource(string code, YamlNode node, SpecDocument document)
    {
        Code = code;
        Node = node;
        Document = document;
        int.TryParse(code, NumberStyles.Integer, CultureInfo.InvariantCulture, out var statusCode);
        StatusCode = statusCode;
    }

    public string Code { get; }

    /// <summary>The status code; 0 for a code that is not a number (<c>default</c>, <c>4XX</c>).</summary>
    public int StatusCode { get; }

    public bool IsSuccess => StatusCode is >= 200 and < 300;

    public YamlNode Node { get; }

    public SpecDocument Document { get; }
}
