namespace ModuleGen.Line;

/// <summary>A file part of a multipart upload. The caller keeps owning <see cref="Content"/>.</summary>
/// <param name="Content">The bytes to upload.</param>
/// <param name="FileName">The file name sent with the part.</param>
/// <param name="ContentType">The part's media type.</param>
public sealed record LineFileContent(System.IO.Stream Content, string FileName, string ContentType = "text/plain");
