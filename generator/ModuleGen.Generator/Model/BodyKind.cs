namespace ModuleGen.Generator.Model;

/// <summary>How a request or response body is encoded.</summary>
internal enum BodyKind
{
    /// <summary>No body.</summary>
    None,

    /// <summary>JSON.</summary>
    Json,

    /// <summary><c>application/x-www-form-urlencoded</c>.</summary>
    Form,

    /// <summary><c>multipart/form-data</c>.</summary>
    Multipart,

    /// <summary>Raw bytes.</summary>
    Binary,
}
