using System;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using ModuleGen.Generator.Diagnostics;
using ModuleGen.Generator.Emitting;
using ModuleGen.Generator.Helpers;
using ModuleGen.Generator.Model;
using ModuleGen.Generator.Parsing;

namespace ModuleGen.Generator;

/// <summary>
/// Generates typed LINE clients and reflection-free JSON models from the OpenAPI spec files a project opts in
/// (AdditionalFiles with <c>ModuleGenSpec="true"</c>, or under <c>$(ModuleGenSpecDirectory)</c>).
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class ModuleGenGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var options = context.AnalyzerConfigOptionsProvider
            .Select(static (provider, _) => ReadOptions(provider.GlobalOptions))
            .WithTrackingName(TrackingNames.Options);

        var specFiles = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Where(static pair => IsOptedIn(pair.Left, pair.Right))
            .Select(static (pair, cancellationToken) => new SpecFileText(
                pair.Left.Path,
                pair.Left.GetText(cancellationToken)?.ToString()))
            .WithTrackingName(TrackingNames.SpecFiles);

        // Phase 1 reads each file's schema text, which leaves out what only clients read (operation summaries and
        // descriptions): editing one of those leaves the frozen schemas cached, and only phase 2 reruns.
        var schemaSources = specFiles
            .Select(static (file, _) => SchemaSources.Read(file))
            .WithTrackingName(TrackingNames.SchemaSources);

        var schemaCatalog = schemaSources
            .Collect()
            .Combine(options)
            .Select(static (pair, cancellationToken) => SpecParser.ResolveSchemas(
                pair.Left.Select(source => source.File).OrderBy(f => f.Path, StringComparer.Ordinal).ToImmutableEquatableArray(),
                pair.Right,
                cancellationToken))
            .WithTrackingName(TrackingNames.SchemaCatalog);

        var model = specFiles
            .Collect()
            .Combine(schemaCatalog)
            .Combine(options)
            .Select(static (pair, cancellationToken) => SpecParser.Parse(
                pair.Left.Left.OrderBy(f => f.Path, StringComparer.Ordinal).ToImmutableEquatableArray(),
                pair.Left.Right,
                pair.Right,
                cancellationToken))
            .WithTrackingName(TrackingNames.ApiModel);

        // Generated code needs the runtime, in the contract version the emitters write for; without it, one diagnostic
        // instead of a compile error per generated file. The step reruns on every compilation (its input), so it is not
        // tracked: its int? output is what keeps the rest cached.
        var runtimeVersion = context.CompilationProvider
            .Select(static (compilation, _) => RuntimeContract.ReferencedVersion(compilation));
        var runtimeProblem = model
            .Combine(runtimeVersion)
            .Select(static (pair, _) => pair.Right != RuntimeContract.Version && pair.Left.Clients.Count + pair.Left.Schemas.Count > 0 ? pair.Right ?? -1 : (int?)null);
        context.RegisterSourceOutput(runtimeProblem, static (spc, problem) =>
        {
            if (problem is { } version)
            {
                spc.ReportDiagnostic(version < 0
                    ? Diagnostic.Create(DiagnosticDescriptors.RuntimeNotReferenced, Location.None)
                    : Diagnostic.Create(DiagnosticDescriptors.RuntimeContractMismatch, Location.None, RuntimeContract.Version, version));
            }
        });
        model = model
            .Combine(runtimeVersion)
            .Select(static (pair, _) => pair.Right == RuntimeContract.Version ? pair.Left : pair.Left with { Clients = ImmutableEquatableArray<ClientSpec>.Empty, Schemas = ImmutableEquatableArray<SchemaSpec>.Empty });

        var clients = model
            .SelectMany(static (spec, _) => spec.Clients)
            .WithTrackingName(TrackingNames.Clients);
        context.RegisterSourceOutput(clients, static (spc, client) =>
            spc.AddSource(ClientEmitter.HintName(client), SourceText.From(ClientEmitter.Emit(client), Encoding.UTF8)));

        var schemas = model
            .SelectMany(static (spec, _) => spec.Schemas)
            .Combine(options)
            .WithTrackingName(TrackingNames.Schemas);
        context.RegisterSourceOutput(schemas, static (spc, pair) =>
            spc.AddSource(ModelEmitter.HintName(pair.Left, pair.Right.RootNamespace), SourceText.From(ModelEmitter.Emit(pair.Left), Encoding.UTF8)));

        var diagnostics = model
            .Select(static (spec, _) => spec.Diagnostics)
            .WithTrackingName(TrackingNames.Diagnostics);
        context.RegisterSourceOutput(diagnostics, static (spc, items) =>
        {
            foreach (var item in items)
            {
                spc.ReportDiagnostic(Diagnostic.Create(item.Descriptor, ToLocation(item.Location), item.MessageArgs.ToArray<object>()));
            }
        });

        var summary = model
            .Combine(options)
            .Select(static (pair, _) => new SummarySpec
            {
                Namespace = pair.Right.RootNamespace,
                Clients = pair.Left.Clients.Count,
                Operations = pair.Left.Clients.Sum(c => c.Operations.Count),
                Models = pair.Left.Schemas.Count,
                ClientTypes = pair.Left.Clients.Select(c => c.Namespace + "." + c.Name).OrderBy(n => n, StringComparer.Ordinal).ToImmutableEquatableArray(),
            })
            .WithTrackingName(TrackingNames.Summary);
        context.RegisterSourceOutput(summary, static (spc, counts) =>
        {
            if (counts.Clients + counts.Models > 0)
            {
                spc.AddSource(SummaryEmitter.HintName, SourceText.From(SummaryEmitter.Emit(counts), Encoding.UTF8));
            }
        });
    }

    private static GeneratorOptions ReadOptions(AnalyzerConfigOptions options)
    {
        options.TryGetValue("build_property.ModuleGenNamespace", out var ns);
        if (string.IsNullOrWhiteSpace(ns))
        {
            options.TryGetValue("build_property.RootNamespace", out ns);
        }

        return new GeneratorOptions(string.IsNullOrWhiteSpace(ns) ? "ModuleGen.Generated" : ns!.Trim());
    }

    private static bool IsOptedIn(AdditionalText text, AnalyzerConfigOptionsProvider provider)
    {
        var fileOptions = provider.GetOptions(text);
        if (fileOptions.TryGetValue("build_metadata.AdditionalFiles.ModuleGenSpec", out var flag)
            && string.Equals(flag, "true", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (!provider.GlobalOptions.TryGetValue("build_property.ModuleGenSpecDirectory", out var directory)
            || string.IsNullOrWhiteSpace(directory))
        {
            return false;
        }

        provider.GlobalOptions.TryGetValue("build_property.ProjectDir", out var projectDirectory);
        var root = Path.GetFullPath(Path.Combine(projectDirectory ?? string.Empty, directory!.Trim()));
        var full = Path.GetFullPath(text.Path);
        var extension = Path.GetExtension(full);
        return (extension == ".yaml" || extension == ".yml")
            && full.StartsWith(root.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal);
    }

    private static Location ToLocation(LocationInfo? info)
        => info is null
            ? Location.None
            : Location.Create(
                info.FilePath,
                TextSpan.FromBounds(info.StartOffset, Math.Max(info.StartOffset, info.EndOffset)),
                new LinePositionSpan(
                    new LinePosition(info.StartLine, info.StartColumn),
                    new LinePosition(Math.Max(info.StartLine, info.EndLine), info.EndLine > info.StartLine ? info.EndColumn : Math.Max(info.StartColumn, info.EndColumn))));
}
