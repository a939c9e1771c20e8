using System.Collections.Generic;
using System.Linq;
using NJsonSchema;

namespace ModuleGen.Generator.Tests.Infrastructure;

/// <summary>Checks examples against their schemas as NSwag read them (<see cref="NSwagSpecSet"/>).</summary>
internal sealed class SpecExampleValidator
{
    private readonly NSwagSpecSet _spec;

    public SpecExampleValidator(NSwagSpecSet spec) => _spec = spec;

    /// <summary>Each problem NJsonSchema (with <see cref="OpenApiExampleValidator"/>) finds in the example; empty when it validates.</summary>
    public IReadOnlyList<string> Errors(SpecExample example)
    {
        var schema = NSwagSchemaLocator.Find(_spec.Documents[example.FileName], example.SchemaLocation);
        return new OpenApiExampleValidator()
            .Validate(example.Value, schema, SchemaType.OpenApi3)
            .Select(error => error.ToString())
            .ToList();
    }
}
