using ModuleGen.Generator.Helpers;
using ModuleGen.Generator.Model;

namespace ModuleGen.Generator.Emitting;

/// <summary>Emits a manifest with the generated counts, read by the build's Generate target and by tests.</summary>
internal static class SummaryEmitter
{
    public const string HintName = "ModuleGen.Manifest.g.cs";

    public static string Emit(SummarySpec summary)
    {
        var writer = new SourceWriter();
        Header.Write(writer);
        writer.WriteLine($"// modulegen-summary: clients={TypeNames.Int(summary.Clients)} operations={TypeNames.Int(summary.Operations)} models={TypeNames.Int(summary.Models)}");
        writer.WriteLine("namespace " + summary.Namespace);
        using (writer.Braces())
        {
            writer.WriteLine("/// <summary>What ModuleGen generated into this assembly.</summary>");
            writer.WriteLine("internal static class ModuleGenManifest");
            using (writer.Braces())
            {
                writer.WriteLine($"public const int Clients = {TypeNames.Int(summary.Clients)};");
                writer.WriteLine($"public const int Operations = {TypeNames.Int(summary.Operations)};");
                writer.WriteLine($"public const int Models = {TypeNames.Int(summary.Models)};");
            }
        }

        return writer.ToString();
    }
}
