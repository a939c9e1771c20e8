using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace ModuleGen.Bench.Generator;

/// <summary>spec/*.yaml as the compiler hands them to the generator: AdditionalFiles opted in with ModuleGenSpec="true".</summary>
internal static class SpecFiles
{
    public static ImmutableArray<AdditionalText> Load()
        => Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "spec"), "*.yaml")
            .OrderBy(path => path, StringComparer.Ordinal)
            .Select(path => (AdditionalText)new SpecText(path, File.ReadAllText(path)))
            .ToImmutableArray();

    public static AnalyzerConfigOptionsProvider Options(IEnumerable<AdditionalText> texts)
        => new SpecOptions(texts.Select(text => text.Path).ToImmutableHashSet(StringComparer.Ordinal));

    internal sealed class SpecText(string path, string text) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(text);

        public override string Path { get; } = path;

        public string Text { get; } = text;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    private sealed class SpecOptions(ImmutableHashSet<string> specPaths) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Values(ImmutableDictionary<string, string>.Empty
            .Add("build_property.ModuleGenNamespace", "Bench.Api"));

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Values.Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile)
            => specPaths.Contains(textFile.Path) ? Values.OptedIn : Values.Empty;

        private sealed class Values(ImmutableDictionary<string, string> values) : AnalyzerConfigOptions
        {
            public static readonly Values Empty = new(ImmutableDictionary<string, string>.Empty);

            public static readonly Values OptedIn = new(ImmutableDictionary<string, string>.Empty
                .Add("build_metadata.AdditionalFiles.ModuleGenSpec", "true"));

            public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
        }
    }
}
