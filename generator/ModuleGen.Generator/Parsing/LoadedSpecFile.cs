using System;
using System.IO;
using System.Runtime.CompilerServices;
using ModuleGen.Generator.Diagnostics;
using ModuleGen.Generator.Helpers;
using ModuleGen.Generator.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ModuleGen.Generator.Parsing;

/// <summary>
/// One spec file's YAML, loaded once per <see cref="SpecFileText"/>: the document (null when it cannot be read) and the
/// problems loading it reported.
/// </summary>
/// <remarks>
/// The pipeline carries only the equatable <see cref="SpecFileText"/>; the incremental driver hands an unchanged file's
/// step the same instance on every run, so keying the loaded tree to that instance (weakly: it goes with the text) loads
/// each file once per edit of it instead of every file on every edit, without a YAML tree ever being a step's value.
/// A loaded tree is never changed after loading, so the steps that read it share it safely.
/// </remarks>
internal sealed class LoadedSpecFile
{
    private static readonly ConditionalWeakTable<SpecFileText, LoadedSpecFile> Loaded = new();

    private LoadedSpecFile(SpecDocument? document, ImmutableEquatableArray<DiagnosticInfo> problems)
    {
        Document = document;
        Problems = problems;
    }

    public SpecDocument? Document { get; }

    public ImmutableEquatableArray<DiagnosticInfo> Problems { get; }

    public static LoadedSpecFile Of(SpecFileText file) => Loaded.GetValue(file, static file =>
    {
        var problems = new DiagnosticBag();
        var document = TryLoad(file, problems);
        return new LoadedSpecFile(document, problems.Items.ToImmutableEquatableArray());
    });

    private static SpecDocument? TryLoad(SpecFileText file, DiagnosticBag diagnostics)
    {
        if (file.Text is null)
        {
            diagnostics.Add(DiagnosticDescriptors.SpecFileNotFound, LocationInfo.StartOf(file.Path), file.Path);
            return null;
        }

        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(file.Text));
        }
        catch (Exception exception) when (exception is not YamlException and not OperationCanceledException)
        {
            // YamlDotNet also throws plain exceptions (e.g. InvalidOperationException) on some malformed input.
            diagnostics.Add(DiagnosticDescriptors.InvalidYaml, LocationInfo.StartOf(file.Path), file.Path, exception.Message);
            return null;
        }
        catch (YamlException exception)
        {
            var start = exception.Start;
            var end = exception.End;
            diagnostics.Add(
                DiagnosticDescriptors.InvalidYaml,
                new LocationInfo
                {
                    FilePath = file.Path,
                    StartOffset = (int)Math.Min(start.Index, file.Text.Length),
                    EndOffset = (int)Math.Min(Math.Max(end.Index, start.Index), file.Text.Length),
                    StartLine = (int)Math.Max(start.Line - 1, 0),
                    StartColumn = (int)Math.Max(start.Column - 1, 0),
                    EndLine = (int)Math.Max(end.Line - 1, 0),
                    EndColumn = (int)Math.Max(end.Column - 1, 0),
                },
                file.Path,
                exception.InnerException?.Message ?? exception.Message);
            return null;
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            diagnostics.Add(
                DiagnosticDescriptors.InvalidYaml,
                LocationInfo.StartOf(file.Path),
                file.Path,
                "the document is empty or is not a mapping");
            return null;
        }

        return new SpecDocument(file.Path, root);
    }
}
