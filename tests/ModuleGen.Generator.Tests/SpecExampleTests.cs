using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using ModuleGen.Generator.Tests.Infrastructure;
using Newtonsoft.Json;
using Shouldly;
using Xunit;
using Xunit.Abstractions;

namespace ModuleGen.Generator.Tests;

/// <summary>
/// Every example in spec/ — on a schema or a property at any depth, a parameter, a header or a media type — validates
/// against its schema as NSwag reads it (NJsonSchema's validator; cross-file $refs as <see cref="NSwagSpecSet"/> links them).
/// </summary>
public sealed class SpecExampleTests : IClassFixture<SpecExampleTests.RealSpecValidator>
{
    private static readonly Lazy<IReadOnlyList<SpecExampleScan>> RealSpecScans = new(
        () => RealSpec.FileNames.Select(fileName => SpecExampleScan.Of(fileName, RealSpec.Read(fileName))).ToList());

    private readonly RealSpecValidator _realSpec;

    public SpecExampleTests(RealSpecValidator realSpec) => _realSpec = realSpec;

    public static IEnumerable<object[]> RealSpecExamples()
        => RealSpecScans.Value.SelectMany(scan => scan.Examples)
            .Select(example => new object[] { new ExampleCase(example.FileName, example.Location.ToString()) });

    [Theory]
    [MemberData(nameof(RealSpecExamples))]
    public void EveryExampleInTheSpecValidatesAgainstItsSchema(ExampleCase example)
    {
        var found = RealSpecScans.Value.SelectMany(scan => scan.Examples)
            .Single(candidate => candidate.FileName == example.FileName && candidate.Location.ToString() == example.Location);

        var errors = _realSpec.Validator.Errors(found);

        errors.ShouldBeEmpty($"{found}: {found.Value.ToString(Formatting.None)}{Environment.NewLine}{string.Join(Environment.NewLine, errors)}");
    }

    [Fact]
    public void TheWalkMeetsEveryExampleKeyInEverySpecFile()
    {
        var scans = RealSpecScans.Value;

        foreach (var scan in scans)
        {
            // The structural walk against a plain search of every mapping key: an example in a part of the document
            // the walk does not enter (a callback, a link, components/examples) would show up here.
            scan.ExampleKeysVisited.Select(key => key.ToString()).OrderBy(key => key, StringComparer.Ordinal)
                .ShouldBe(scan.EveryExampleKey.Select(key => key.ToString()).OrderBy(key => key, StringComparer.Ordinal));
            scan.Problems.ShouldBeEmpty();
        }

        scans.Sum(scan => scan.Examples.Count).ShouldBeGreaterThan(0);
    }

    [Fact]
    public void TheKeySearchCatchesExamplesTheWalkDoesNotReachAndPropertiesAreNotKeywords()
    {
        const string yaml = """
            openapi: 3.0.3
            info: { title: Hidden, version: '1.0' }
            paths: {}
            components:
              examples:
                Sample:
                  value: { id: 1 }
              schemas:
                Holder:
                  type: object
                  properties:
                    example: { type: string, example: text }
                    oneOf: { type: array, items: { type: string, example: x } }
                    default: { type: object, properties: { properties: { type: string, example: y } } }
                    link: { $ref: '#/components/schemas/Holder', example: ignored }
            """;

        var scan = SpecExampleScan.Of("hidden.yaml", yaml);

        scan.Examples.Select(example => example.Location.ToString()).ShouldBe(new[]
        {
            "#/components/schemas/Holder/properties/example/example",
            "#/components/schemas/Holder/properties/oneOf/items/example",
            "#/components/schemas/Holder/properties/default/properties/properties/example",
        });
        scan.ExampleKeysVisited.Except(scan.EveryExampleKey).ShouldBeEmpty();
        scan.EveryExampleKey.Except(scan.ExampleKeysVisited).Select(key => key.ToString()).ShouldBe(new[]
        {
            "#/components/examples",
            "#/components/schemas/Holder/properties/link/example",
        });
    }

    [Fact]
    public async Task EachBrokenExampleIsReportedAtItsLocationAndValidOnesPass()
    {
        const string orders = """
            openapi: 3.0.3
            info: { title: Orders, version: '1.0' }
            servers:
              - url: https://orders.example
            paths:
              /orders/{orderId}:
                get:
                  operationId: getOrder
                  parameters:
                    - name: orderId
                      in: path
                      required: true
                      schema: { type: string, pattern: '^[0-9]{8}$', example: '2019041' }
                      example: 20190418
                    - name: mode
                      in: query
                      schema: { type: string, enum: [fast, slow] }
                      example: medium
                    - name: day
                      in: query
                      schema: { type: string, minLength: 8, pattern: '^[0-9]{8}$' }
                      example: '20190418'
                  responses:
                    '200':
                      description: The order.
                      headers:
                        X-Count:
                          schema: { type: integer, format: int32 }
                          example: 3000000000
                      content:
                        application/json:
                          schema: { $ref: '#/components/schemas/Order' }
                          example: { id: '1', item: { sku: 42 } }
                          examples:
                            empty:
                              value: { id: '', item: { sku: A-1 } }
                            fine:
                              value: { id: '2', item: { sku: B-2, size: null } }
            components:
              schemas:
                Order:
                  type: object
                  required: [id, item]
                  properties:
                    id: { type: string, minLength: 1 }
                    item: { $ref: 'shared.yaml#/components/schemas/Item' }
                    note: { type: string, nullable: true, example: null }
                    placedAt: { type: string, format: date-time, example: '2026-07-20T19:00' }
                    receipt: { type: string, format: uri, example: /receipts/1 }
                    example: { type: string, example: 5 }
                  example: { id: '7', item: { sku: A-1, size: 2 }, placedAt: '2026-07-20T19:00:00+09:00', receipt: 'https://orders.example/r/7' }
                Draft:
                  type: object
                  required: [id]
                  properties:
                    id: { type: string }
                  example: { note: x }
            """;
        const string shared = """
            openapi: 3.0.3
            info: { title: Shared, version: '1.0' }
            paths: {}
            components:
              schemas:
                Item:
                  type: object
                  required: [sku]
                  properties:
                    sku: { type: string, pattern: '^[A-Z]-[0-9]+$', example: a-1 }
                    size: { type: integer, nullable: true }
                Filter:
                  allOf:
                    - type: object
                      properties:
                        oneOf: { type: array, minItems: 1, items: { type: string }, example: [] }
            """;

        var failures = await Failures(("orders.yaml", orders), ("shared.yaml", shared));

        const string operation = "orders.yaml #/paths/~1orders~1{orderId}/get";
        failures.Keys.OrderBy(key => key, StringComparer.Ordinal).ShouldBe(new[]
        {
            "orders.yaml #/components/schemas/Draft/example",
            "orders.yaml #/components/schemas/Order/properties/example/example",
            "orders.yaml #/components/schemas/Order/properties/placedAt/example",
            "orders.yaml #/components/schemas/Order/properties/receipt/example",
            operation + "/parameters/0/example",
            operation + "/parameters/0/schema/example",
            operation + "/parameters/1/example",
            operation + "/responses/200/content/application~1json/example",
            operation + "/responses/200/content/application~1json/examples/empty/value",
            operation + "/responses/200/headers/X-Count/example",
            "shared.yaml #/components/schemas/Filter/allOf/0/properties/oneOf/example",
            "shared.yaml #/components/schemas/Item/properties/sku/example",
        }.OrderBy(key => key, StringComparer.Ordinal));

        failures["orders.yaml #/components/schemas/Draft/example"].ShouldContain("PropertyRequired: #/id");
        failures["orders.yaml #/components/schemas/Order/properties/example/example"].ShouldContain("StringExpected");
        failures["orders.yaml #/components/schemas/Order/properties/placedAt/example"].ShouldContain("DateTimeExpected");
        failures["orders.yaml #/components/schemas/Order/properties/receipt/example"].ShouldContain("UriExpected");
        failures[operation + "/parameters/0/example"].ShouldContain("StringExpected");
        failures[operation + "/parameters/0/schema/example"].ShouldContain("PatternMismatch");
        failures[operation + "/parameters/1/example"].ShouldContain("NotInEnumeration");
        failures[operation + "/responses/200/content/application~1json/example"].ShouldContain("StringExpected: #/item.sku");
        failures[operation + "/responses/200/content/application~1json/examples/empty/value"].ShouldContain("StringTooShort: #/id");
        failures[operation + "/responses/200/headers/X-Count/example"].ShouldContain("IntegerTooBig");
        failures["shared.yaml #/components/schemas/Filter/allOf/0/properties/oneOf/example"].ShouldContain("TooFewItems");
        failures["shared.yaml #/components/schemas/Item/properties/sku/example"].ShouldContain("PatternMismatch");
    }

    [Fact]
    public async Task ADiscriminatorMakesTheExampleMeetTheMappedSchemaAndNullOnlyWhereNullable()
    {
        const string pets = """
            openapi: 3.0.3
            info: { title: Pets, version: '1.0' }
            paths: {}
            components:
              schemas:
                Pet:
                  type: object
                  required: [type]
                  properties:
                    type: { type: string }
                  discriminator:
                    propertyName: type
                    mapping:
                      cat: '#/components/schemas/Cat'
                Cat:
                  allOf:
                    - $ref: '#/components/schemas/Pet'
                    - type: object
                      properties:
                        lives: { type: integer }
                        owner: { type: string, nullable: true }
                Home:
                  type: object
                  properties:
                    pets: { type: array, items: { $ref: '#/components/schemas/Pet' } }
                ValidHome:
                  allOf:
                    - $ref: '#/components/schemas/Home'
                  example: { pets: [{ type: cat, lives: 9, owner: null }, { type: dog, barks: true }] }
                WrongLives:
                  allOf:
                    - $ref: '#/components/schemas/Home'
                  example: { pets: [{ type: cat, lives: nine }] }
                NullLives:
                  allOf:
                    - $ref: '#/components/schemas/Home'
                  example: { pets: [{ type: cat, lives: null }] }
            """;

        var failures = await Failures(("pets.yaml", pets));

        failures.Keys.OrderBy(key => key, StringComparer.Ordinal).ShouldBe(new[]
        {
            "pets.yaml #/components/schemas/NullLives/example",
            "pets.yaml #/components/schemas/WrongLives/example",
        });
        failures["pets.yaml #/components/schemas/WrongLives/example"].ShouldContain("IntegerExpected");
        failures["pets.yaml #/components/schemas/NullLives/example"].ShouldContain("IntegerExpected");
    }

    private static async Task<IReadOnlyDictionary<string, string>> Failures(params (string FileName, string Yaml)[] files)
    {
        var validator = new SpecExampleValidator(await NSwagSpecSet.LoadAsync(files));
        return files
            .SelectMany(file => SpecExampleScan.Of(file.FileName, file.Yaml).Examples)
            .Select(example => (Key: $"{example.FileName} {example.Location}", Errors: validator.Errors(example)))
            .Where(result => result.Errors.Count > 0)
            .ToDictionary(result => result.Key, result => string.Join(Environment.NewLine, result.Errors), StringComparer.Ordinal);
    }

    /// <summary>One example of the real spec, shown as "file #/json/pointer" in the test name.</summary>
    public sealed class ExampleCase : IXunitSerializable
    {
        [Obsolete("For xUnit's deserializer only.")]
        public ExampleCase()
        {
        }

        public ExampleCase(string fileName, string location)
        {
            FileName = fileName;
            Location = location;
        }

        public string FileName { get; private set; } = string.Empty;

        public string Location { get; private set; } = string.Empty;

        public void Serialize(IXunitSerializationInfo info)
        {
            info.AddValue(nameof(FileName), FileName);
            info.AddValue(nameof(Location), Location);
        }

        public void Deserialize(IXunitSerializationInfo info)
        {
            FileName = info.GetValue<string>(nameof(FileName));
            Location = info.GetValue<string>(nameof(Location));
        }

        public override string ToString() => $"{FileName} {Location}";
    }

    /// <summary>The real spec/ as NSwag reads it, loaded once for all the examples.</summary>
    public sealed class RealSpecValidator : IAsyncLifetime
    {
        internal SpecExampleValidator Validator { get; private set; } = null!;

        public async Task InitializeAsync()
            => Validator = new SpecExampleValidator(
                await NSwagSpecSet.LoadAsync(RealSpec.FileNames.Select(fileName => (fileName, RealSpec.Read(fileName)))));

        public Task DisposeAsync() => Task.CompletedTask;
    }
}
