using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ModuleGen.Generator.Tests.Infrastructure;
using Shouldly;
using Xunit;

namespace ModuleGen.Generator.Tests;

/// <summary>
/// The JSON code the generator emits, compiled against the runtime and run: polymorphism by discriminator in any
/// position, the Unknown fallback, open enums, unknown properties, and the errors bad JSON gives.
/// </summary>
public sealed class EmittedJsonBehaviourTests : IClassFixture<EmittedJsonBehaviourTests.PetModels>
{
    private readonly PetModels _pets;

    public EmittedJsonBehaviourTests(PetModels pets) => _pets = pets;

    [Fact]
    public void DiscriminatorLastInTheObjectStillReadsTheRightSubType()
    {
        var pet = _pets.Read("""{"name":"Tom","lives":9,"color":"black","kind":"cat"}""");

        pet.GetType().FullName.ShouldBe("TestApi.Models.Cat");
        PetModels.Get(pet, "Kind").ShouldBe("cat");
        PetModels.Get(pet, "Name").ShouldBe("Tom");
        PetModels.Get(pet, "Lives").ShouldBe(9);
        PetModels.Get(pet, "Color")!.ToString().ShouldBe("black");
    }

    [Fact]
    public void DiscriminatorFirstReadsTheOtherSubType()
    {
        var pet = _pets.Read("""{"kind":"dog","name":"Rex","barks":true,"toys":["ball","rope"]}""");

        pet.GetType().FullName.ShouldBe("TestApi.Models.Dog");
        PetModels.Get(pet, "Barks").ShouldBe(true);
        ((IEnumerable<string>)PetModels.Get(pet, "Toys")!).ShouldBe(new[] { "ball", "rope" });
    }

    [Fact]
    public void UnknownDiscriminatorReadsAsUnknownPetAndWritesBackByteIdentical()
    {
        const string json = """{"name":"Polly","kind":"parrot","wings":2,"nested":{"a":[1,true,null,"x"],"b":1.50}}""";

        var pet = _pets.Read(json);

        pet.GetType().FullName.ShouldBe("TestApi.Models.UnknownPet");
        PetModels.Get(pet, "Kind").ShouldBe("parrot");
        PetModels.Get(pet, "Name").ShouldBe("Polly");
        ((JsonElement)PetModels.Get(pet, "RawJson")!).GetRawText().ShouldBe(json);
        _pets.Write(pet).ShouldBe(json);
    }

    [Fact]
    public void UnknownEnumValueRoundTrips()
    {
        const string json = """{"kind":"cat","name":"Tom","lives":9,"color":"calico"}""";

        var pet = _pets.Read(json);

        var color = PetModels.Get(pet, "Color")!;
        color.ToString().ShouldBe("calico");
        PetModels.Get(color, "IsKnown").ShouldBe(false);
        _pets.Write(pet).ShouldBe(json);
    }

    [Fact]
    public void KnownEnumValueIsKnown()
    {
        var color = PetModels.Get(_pets.Read("""{"kind":"cat","name":"Tom","lives":9,"color":"ginger"}"""), "Color")!;

        PetModels.Get(color, "IsKnown").ShouldBe(true);
        color.ShouldBe(_pets.Type("TestApi.Models.CatColor").GetProperty("Ginger")!.GetValue(null));
    }

    [Fact]
    public void UnknownPropertiesOfASubTypeRoundTripThroughAdditionalProperties()
    {
        const string json = """{"kind":"dog","name":"Rex","barks":false,"chip":{"id":"A-1","at":[1,2]},"vaccinated":null}""";

        var pet = _pets.Read(json);

        var additional = (IDictionary<string, JsonElement>)PetModels.Get(pet, "AdditionalProperties")!;
        additional.Keys.OrderBy(key => key, StringComparer.Ordinal).ShouldBe(new[] { "chip", "vaccinated" });
        additional["chip"].GetRawText().ShouldBe("""{"id":"A-1","at":[1,2]}""");
        JsonNode.DeepEquals(JsonNode.Parse(_pets.Write(pet)), JsonNode.Parse(json)).ShouldBeTrue(_pets.Write(pet));
    }

    [Fact]
    public void UnknownPropertiesOfAPlainObjectRoundTripByteIdentical()
    {
        const string json = """{"name":"Ann","nickname":"A","tags":[1,2,{"x":null}]}""";

        var owner = _pets.ReadOwner(json);

        ((IDictionary<string, JsonElement>)PetModels.Get(owner, "AdditionalProperties")!).Count.ShouldBe(2);
        _pets.WriteOwner(owner).ShouldBe(json);
    }

    [Theory]
    [InlineData("""{"kind":"cat","name":"Tom"}""", "lives")]
    [InlineData("""{"kind":"cat","lives":9}""", "name")]
    [InlineData("""{"kind":"cat","name":"Tom","lives":null}""", "lives")]
    [InlineData("""{"kind":"cat","name":null,"lives":9}""", "name")]
    public void MissingRequiredPropertyIsReportedAndTheObjectWritesBackAsRead(string json, string property)
    {
        var pet = _pets.Read(json);

        ((IReadOnlyList<string>)PetModels.Get(pet, "MissingRequiredProperties")!).ShouldBe(new[] { property });
        _pets.Write(pet).ShouldBe(json);
    }

    [Theory]
    [InlineData("""{"kind":"cat","name":"Tom"}""", "Cat.Lives")]
    [InlineData("""{"kind":"cat","lives":9}""", "Name")]
    public void AnObjectReadWithoutARequiredPropertyFailsValidationAsARequest(string json, string paramName)
    {
        var pet = _pets.Read(json);

        var exception = Should.Throw<ArgumentException>(() => _pets.Validate(pet));

        (exception.ParamName == paramName || exception.Message.Contains(paramName, StringComparison.Ordinal)).ShouldBeTrue(exception.Message);
    }

    [Fact]
    public void AnObjectWithEveryRequiredPropertyReportsNothingMissingAndValidates()
    {
        var pet = _pets.Read("""{"kind":"cat","name":"Tom","lives":9}""");

        ((IReadOnlyList<string>)PetModels.Get(pet, "MissingRequiredProperties")!).ShouldBeEmpty();
        Should.NotThrow(() => _pets.Validate(pet));
    }

    [Theory]
    [InlineData("9.0")]
    [InlineData("9.00")]
    [InlineData("0.9e1")]
    public void AnIntegerWrittenAsAnIntegralDecimalReadsAsThatInteger(string lives)
    {
        var pet = _pets.Read($$"""{"kind":"cat","name":"Tom","lives":{{lives}}}""");

        PetModels.Get(pet, "Lives").ShouldBe(9);
        _pets.Write(pet).ShouldBe("""{"kind":"cat","name":"Tom","lives":9}""");
    }

    [Fact]
    public void AnUnknownKindExposesItsKindAndRawJsonThroughOneInterface()
    {
        var pet = (ModuleGen.Line.ILineUnknownKind)_pets.Read("""{"kind":"parrot","name":"Polly"}""");

        pet.Kind.ShouldBe("parrot");
        pet.RawJson.GetProperty("name").GetString().ShouldBe("Polly");
    }

    [Theory]
    [InlineData("""{"kind":"cat","name":5,"lives":9}""")]
    [InlineData("""{"kind":"cat","name":"Tom","lives":"nine"}""")]
    [InlineData("""{"kind":"cat","name":"Tom","lives":9.5}""")]
    [InlineData("""{"kind":"cat","name":"Tom","lives":4294967296}""")]
    [InlineData("""{"kind":"cat","name":"Tom","lives":9,"color":7}""")]
    [InlineData("""{"kind":"cat","name":"Tom","lives":{}}""")]
    [InlineData("""{"kind":"dog","name":"Rex","barks":"yes"}""")]
    [InlineData("""{"kind":"dog","name":"Rex","toys":"ball"}""")]
    [InlineData("""{"kind":"dog","name":"Rex","toys":[1]}""")]
    [InlineData("""{"kind":"dog","name":"Rex","toys":[null]}""")]
    [InlineData("""{"kind":"dog","name":["Rex"]}""")]
    [InlineData("""{"kind":"parrot","name":false}""")]
    [InlineData("""[]""")]
    [InlineData("""null""")]
    [InlineData("\"cat\"")]
    [InlineData("""42""")]
    public void WrongTokenTypeThrowsJsonExceptionNeverInvalidOperationException(string json)
    {
        var exception = Should.Throw<Exception>(() => _pets.Read(json));

        exception.GetType().ShouldBe(typeof(JsonException), exception.ToString());
    }

    [Fact]
    public void WritingASubTypeWritesTheDiscriminatorFirst()
    {
        var pet = _pets.Read("""{"lives":3,"name":"Tom","kind":"cat"}""");

        _pets.Write(pet).ShouldBe("""{"kind":"cat","name":"Tom","lives":3}""");
    }

    /// <summary>A discriminator base (Pet), two sub-types, an open enum and a plain object, compiled and loaded once.</summary>
    public sealed class PetModels : IDisposable
    {
        private const string Spec = """
            openapi: 3.0.3
            info: { title: Pets, version: '1.0' }
            paths: {}
            components:
              schemas:
                Pet:
                  type: object
                  required: [kind, name]
                  discriminator:
                    propertyName: kind
                    mapping:
                      cat: '#/components/schemas/Cat'
                      dog: '#/components/schemas/Dog'
                  properties:
                    kind: { type: string }
                    name: { type: string }
                Cat:
                  allOf:
                    - $ref: '#/components/schemas/Pet'
                    - type: object
                      required: [lives]
                      properties:
                        lives: { type: integer, format: int32 }
                        color: { $ref: '#/components/schemas/CatColor' }
                Dog:
                  allOf:
                    - $ref: '#/components/schemas/Pet'
                    - type: object
                      properties:
                        barks: { type: boolean }
                        toys: { type: array, items: { type: string } }
                CatColor:
                  type: string
                  enum: [black, white, ginger]
                Owner:
                  type: object
                  required: [name]
                  properties:
                    name: { type: string }
            """;

        // Utf8JsonReader is a ref struct, so reflection cannot pass one; this compiled helper does it instead.
        private const string Probe = """
            namespace TestApi.Probe;

            public static class JsonProbe
            {
                public static global::TestApi.Models.Pet ReadPet(byte[] json)
                {
                    var reader = new global::System.Text.Json.Utf8JsonReader(json);
                    reader.Read();
                    return global::TestApi.Models.Pet.DeserializePet(ref reader);
                }

                public static global::TestApi.Models.Owner ReadOwner(byte[] json)
                {
                    var reader = new global::System.Text.Json.Utf8JsonReader(json);
                    reader.Read();
                    return global::TestApi.Models.Owner.DeserializeOwner(ref reader);
                }

                public static byte[] WritePet(global::TestApi.Models.Pet pet) => global::ModuleGen.Line.Runtime.LineJsonWriter.ToUtf8Bytes(pet);

                public static byte[] WriteOwner(global::TestApi.Models.Owner owner) => global::ModuleGen.Line.Runtime.LineJsonWriter.ToUtf8Bytes(owner);

                public static void Validate(global::TestApi.Models.Pet pet) => global::ModuleGen.Line.LineJson.Validate(pet);
            }
            """;

        private readonly CompiledAssembly _assembly;

        public PetModels()
        {
            var run = GeneratorDriverHarness.Run(SpecProject.Create().WithSpec("/specs/pets.yaml", Spec), Probe);
            run.Diagnostics.ShouldBeEmpty();
            run.CompilationProblems().Select(diagnostic => diagnostic.ToString()).ShouldBeEmpty();
            _assembly = CompiledAssembly.Load(run.OutputCompilation);
        }

        public static object? Get(object instance, string property) => instance.GetType().GetProperty(property)!.GetValue(instance);

        public Type Type(string fullName) => _assembly.Type(fullName);

        public object Read(string json) => _assembly.Invoke("TestApi.Probe.JsonProbe", "ReadPet", Encoding.UTF8.GetBytes(json))!;

        public object ReadOwner(string json) => _assembly.Invoke("TestApi.Probe.JsonProbe", "ReadOwner", Encoding.UTF8.GetBytes(json))!;

        public string Write(object pet) => Encoding.UTF8.GetString((byte[])_assembly.Invoke("TestApi.Probe.JsonProbe", "WritePet", pet)!);

        public void Validate(object pet) => _assembly.Invoke("TestApi.Probe.JsonProbe", "Validate", pet);

        public string WriteOwner(object owner) => Encoding.UTF8.GetString((byte[])_assembly.Invoke("TestApi.Probe.JsonProbe", "WriteOwner", owner)!);

        public void Dispose() => _assembly.Dispose();
    }
}
