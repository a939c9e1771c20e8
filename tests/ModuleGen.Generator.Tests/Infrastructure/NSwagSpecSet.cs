using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json.Serialization;
using NJsonSchema;
using NJsonSchema.Generation;
using NJsonSchema.References;
using NJsonSchema.Visitors;
using NSwag;

namespace ModuleGen.Generator.Tests.Infrastructure;

/// <summary>
/// A set of spec files, each read by NSwag as an OpenAPI 3 document, with every cross-file <c>$ref</c> pointing at
/// the object NSwag read in the other file.
/// </summary>
/// <remarks>
/// Left to itself, NSwag 13.16 (NJsonSchema 10.7) reads a file reached through a cross-file $ref as a plain JSON Schema
/// document: <c>nullable</c> there is lost (a null example of a nullable property fails), and local $refs inside it
/// can stay unresolved
/// ("The schema reference path '…#/components/schemas/RichMenuBounds' has not been resolved"), also with the
/// own-file-qualified copy SpecCrossCheckTests makes. So each file is loaded once, as its own document
/// (NSwag resolves its local $refs), a cross-file $ref first gets a stand-in of the type NSwag asks for, and once every
/// file is read each stand-in is replaced by what NJsonSchema's own pointer resolver finds in the target document.
/// </remarks>
internal sealed class NSwagSpecSet
{
    private const string Folder = "/spec/";

    private NSwagSpecSet(IReadOnlyDictionary<string, OpenApiDocument> documents) => Documents = documents;

    /// <summary>The documents by file name.</summary>
    public IReadOnlyDictionary<string, OpenApiDocument> Documents { get; }

    public static async Task<NSwagSpecSet> LoadAsync(IEnumerable<(string FileName, string Yaml)> files)
    {
        var standIns = new Dictionary<IJsonReference, (string FileName, string Pointer, Type Type)>(ReferenceEqualityComparer.Instance);
        var documents = new Dictionary<string, OpenApiDocument>(StringComparer.Ordinal);
        foreach (var (fileName, yaml) in files)
        {
            documents.Add(fileName, await OpenApiYamlDocument.FromYamlAsync(
                yaml, Folder + fileName, SchemaType.OpenApi3, document => new DeferringReferenceResolver(document, standIns)));
        }

        var relinker = new StandInReplacer(documents, standIns);
        foreach (var document in documents.Values)
        {
            relinker.Visit(document);
        }

        var missed = standIns.Where(standIn => !relinker.Replaced.Contains(standIn.Key)).Select(standIn => standIn.Value.FileName + standIn.Value.Pointer).ToList();
        if (missed.Count > 0)
        {
            throw new InvalidOperationException("Cross-file references left unresolved: " + string.Join(", ", missed.Distinct()));
        }

        return new NSwagSpecSet(documents);
    }

    private static JsonReferenceResolver PointerResolver(OpenApiDocument document)
        => new(new OpenApiSchemaResolver(document, new JsonSchemaGeneratorSettings()));

    /// <summary>The file a cross-file $ref names, before it is read.</summary>
    private sealed class FileRoot : JsonSchema
    {
        public FileRoot(string fileName) => FileName = fileName;

        public string FileName { get; }
    }

    private sealed class DeferringReferenceResolver : JsonReferenceResolver
    {
        private readonly Dictionary<IJsonReference, (string FileName, string Pointer, Type Type)> _standIns;

        public DeferringReferenceResolver(OpenApiDocument document, Dictionary<IJsonReference, (string FileName, string Pointer, Type Type)> standIns)
            : base(new OpenApiSchemaResolver(document, new JsonSchemaGeneratorSettings()))
            => _standIns = standIns;

        public override Task<IJsonReference> ResolveFileReferenceAsync(string filePath, CancellationToken cancellationToken = default)
            => Task.FromResult<IJsonReference>(new FileRoot(Path.GetFileName(filePath)));

        public override IJsonReference ResolveDocumentReference(object rootObject, string jsonPath, Type targetType, IContractResolver contractResolver)
        {
            if (rootObject is not FileRoot file)
            {
                return base.ResolveDocumentReference(rootObject, jsonPath, targetType, contractResolver);
            }

            var standIn = (IJsonReference)(Activator.CreateInstance(targetType)
                                           ?? throw new InvalidOperationException($"No stand-in for a {targetType.Name}."));
            _standIns.Add(standIn, (file.FileName, jsonPath, targetType));
            return standIn;
        }
    }

    private sealed class StandInReplacer : JsonReferenceVisitorBase
    {
        private readonly IReadOnlyDictionary<string, OpenApiDocument> _documents;
        private readonly IReadOnlyDictionary<IJsonReference, (string FileName, string Pointer, Type Type)> _standIns;
        private readonly IContractResolver _contractResolver = OpenApiDocument.GetJsonSerializerContractResolver(SchemaType.OpenApi3);

        public StandInReplacer(
            IReadOnlyDictionary<string, OpenApiDocument> documents,
            IReadOnlyDictionary<IJsonReference, (string FileName, string Pointer, Type Type)> standIns)
        {
            _documents = documents;
            _standIns = standIns;
        }

        public HashSet<IJsonReference> Replaced { get; } = new(ReferenceEqualityComparer.Instance);

        protected override IJsonReference VisitJsonReference(IJsonReference reference, string path, string typeNameHint)
        {
            if (reference.Reference is { } standIn && _standIns.TryGetValue(standIn, out var target))
            {
                var document = _documents.TryGetValue(target.FileName, out var found)
                    ? found
                    : throw new InvalidOperationException($"{path} refers to {target.FileName}, which is not in the set.");
                reference.Reference = PointerResolver(document).ResolveDocumentReference(document, target.Pointer, target.Type, _contractResolver);
                Replaced.Add(standIn);
            }

            return reference;
        }
    }
}
