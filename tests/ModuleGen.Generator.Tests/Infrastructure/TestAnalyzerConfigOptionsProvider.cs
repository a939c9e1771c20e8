using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ModuleGen.Generator.Tests.Infrastructure;

/// <summary>
/// What MSBuild would hand the compiler: global <c>build_property.*</c> options and per-AdditionalFiles
/// <c>build_metadata.AdditionalFiles.*</c> options, keyed by the file's path.
/// </summary>
internal sealed class TestAnalyzerConfigOptionsProvider : AnalyzerConfigOptionsProvider
{
    private readonly ImmutableDictionary<string, AnalyzerConfigOptions> _fileOptions;

    public TestAnalyzerConfigOptionsProvider(
        ImmutableDictionary<string, string> globalOptions,
        ImmutableDictionary<string, ImmutableDictionary<string, string>> fileOptions)
    {
        GlobalOptions = new DictionaryOptions(globalOptions);
        _fileOptions = fileOptions.ToImmutableDictionary(pair => pair.Key, pair => (AnalyzerConfigOptions)new DictionaryOptions(pair.Value), StringComparer.Ordinal);
    }

    public override AnalyzerConfigOptions GlobalOptions { get; }

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => DictionaryOptions.Empty;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile)
        => _fileOptions.TryGetValue(textFile.Path, out var options) ? options : DictionaryOptions.Empty;

    private sealed class DictionaryOptions : AnalyzerConfigOptions
    {
        public static readonly DictionaryOptions Empty = new(ImmutableDictionary<string, string>.Empty);

        private readonly ImmutableDictionary<string, string> _values;

        public DictionaryOptions(ImmutableDictionary<string, string> values) => _values = values;

        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => _values.TryGetValue(key, out value);

        public override IEnumerable<string> Keys => _values.Keys;
    }
}
