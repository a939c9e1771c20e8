using ModuleGen.Generator.Helpers;
using ModuleGen.Generator.Model;

namespace ModuleGen.Generator.Emitting;

/// <summary>
/// Emits a manifest with the generated counts (read by the build's Generate target and by tests) and a factory per
/// root client, so the runtime registers the generated set, not a hand-kept list.
/// </summary>
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
            Header.WriteGeneratedCode(writer);
            writer.WriteLine("internal static class ModuleGenManifest");
            using (writer.Braces())
            {
                writer.WriteLine($"public const int Clients = {TypeNames.Int(summary.Clients)};");
                writer.WriteLine($"public const int Operations = {TypeNames.Int(summary.Operations)};");
                writer.WriteLine($"public const int Models = {TypeNames.Int(summary.Models)};");
                writer.WriteLine();
                writer.WriteLine("/// <summary>Each generated root client with a factory over a pipeline.</summary>");
                writer.WriteLine($"public static readonly (global::System.Type Type, global::System.Func<{TypeNames.Line}.LineClientPipeline, object> Create)[] ClientFactories =");
                writer.WriteLine("{");
                writer.Indentation++;
                foreach (var client in summary.ClientTypes)
                {
                    writer.WriteLine($"(typeof({TypeNames.Global(client)}), static pipeline => new {TypeNames.Global(client)}(pipeline)),");
                }

                writer.Indentation--;
                writer.WriteLine("};");
            }
        }

        return writer.Finish();
    }
}
