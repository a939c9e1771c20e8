using System.Linq;
using ModuleGen.Generator.Model;
using ModuleGen.Generator.Tests.Infrastructure;
using Shouldly;
using Xunit;

namespace ModuleGen.Generator.Tests;

/// <summary>How $ref and inline schemas become model types.</summary>
public sealed class SchemaResolutionTests
{
    private const string Operation = TestSpecs.ThingsHeader + """
          /thing:
            get:
              operationId: getThing
              responses:
                '200':
                  description: OK
                  content:
                    application/json:
                      schema: { $ref: '#/components/schemas/ThingAlias' }

        """;

    [Fact]
    public void ComponentSchemaThatIsOnlyARefIsAnAliasOfItsTarget()
    {
        var yaml = Operation + """
            components:
              schemas:
                ThingAlias: { $ref: '#/components/schemas/Thing' }
                Thing:
                  type: object
                  properties:
                    id: { type: string }
            """;

        var run = GeneratorDriverHarness.Run(SpecProject.Create().WithSpec("/specs/things.yaml", yaml));

        run.Diagnostics.ShouldBeEmpty();
        var response = run.Model.Clients.Single().Operations.Single().Response;
        response.ShouldBe(new ResponseSpec(BodyKind.Json, new TypeRef(TypeKind.Model, "TestApi.Models.Thing"), "OK"));
    }

    [Fact]
    public void RefIntoAnotherOptedInFileResolvesToThatFilesModel()
    {
        var yaml = Operation + """
            components:
              schemas:
                ThingAlias:
                  type: object
                  properties:
                    error: { $ref: 'common.yaml#/components/schemas/ErrorResponse' }
            """;
        var project = SpecProject.Create()
            .WithSpec("/specs/things.yaml", yaml)
            .WithSpec("/elsewhere/common.yaml", RealSpec.Read(RealSpec.Common));

        var run = GeneratorDriverHarness.Run(project);

        run.Diagnostics.ShouldBeEmpty();
        run.Model.Schemas.Single(schema => schema.Name == "ThingAlias").Properties.Single().Type
            .ShouldBe(new TypeRef(TypeKind.Model, "TestApi.Models.ErrorResponse"));
        run.CompilationProblems().ShouldBeEmpty();
    }

    [Fact]
    public void PaginationReadsANextPropertyInheritedThroughAllOf()
    {
        const string yaml = TestSpecs.ThingsHeader + """
              /things:
                get:
                  operationId: getThings
                  parameters:
                    - { name: start, in: query, schema: { type: string } }
                  x-modulegen-pagination: { items: things, next: next, token: start }
                  responses:
                    '200':
                      description: OK
                      content:
                        application/json:
                          schema: { $ref: '#/components/schemas/ThingPage' }
            components:
              schemas:
                Page:
                  type: object
                  properties:
                    next: { type: string }
                ThingPage:
                  allOf:
                    - $ref: '#/components/schemas/Page'
                    - type: object
                      properties:
                        things:
                          type: array
                          items: { type: string }
            """;

        var run = GeneratorDriverHarness.Run(SpecProject.Create().WithSpec("/specs/things.yaml", yaml));

        run.Diagnostics.ShouldBeEmpty();
        run.Model.Clients.Single().Operations.Single().Pagination
            .ShouldBe(new PaginationSpec
            {
                MethodName = "GetAllThings",
                ItemsProperty = "Things",
                ItemType = TypeRef.String,
                NextProperty = "Next",
                TokenArgument = "start",
                Remarks = null,
            });
        run.CompilationProblems().ShouldBeEmpty();
    }

    [Fact]
    public void ALengthLimitReachedThroughAChainOfRefsHoldsForABodyPropertyAsForAParameter()
    {
        const string yaml = TestSpecs.ThingsHeader + """
              /things:
                post:
                  operationId: createThing
                  parameters:
                    - { name: label, in: query, schema: { $ref: '#/components/schemas/Label' } }
                  requestBody:
                    content:
                      application/json:
                        schema: { $ref: '#/components/schemas/CreateThingRequest' }
                  responses:
                    '200': { description: OK }
            components:
              schemas:
                CreateThingRequest:
                  type: object
                  properties:
                    label: { $ref: '#/components/schemas/Label' }
                Label: { $ref: '#/components/schemas/ShortText' }
                ShortText: { type: string, maxLength: 20 }
            """;

        var run = GeneratorDriverHarness.Run(SpecProject.Create().WithSpec("/specs/things.yaml", yaml));

        run.Diagnostics.ShouldBeEmpty();
        var parameter = run.Model.Clients.Single().Operations.Single().Parameters.Single();
        var property = run.Model.Schemas.Single(schema => schema.Name == "CreateThingRequest").Properties.Single();
        parameter.Constraints.MaxLength.ShouldBe(20);
        property.Constraints.ShouldBe(parameter.Constraints);
    }
}
