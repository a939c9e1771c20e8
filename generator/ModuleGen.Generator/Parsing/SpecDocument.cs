using YamlDotNet.RepresentationModel;

namespace ModuleGen.Generator.Parsing;

/// <summary>A loaded spec file.</summary>
internal sealed class SpecDocument
{
    public SpecDocument(string path, YamlMappingNode root)
    {
        Path = path;
        Root = root;
        FileName = System.IO.Path.GetFileName(path);
    }

    public string Path { get; }

    public string FileName { get; }

    public YamlMappingNode Root { get; }
}
