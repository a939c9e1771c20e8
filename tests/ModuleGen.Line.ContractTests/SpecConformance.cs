using System.Linq;
using ModuleGen.Line.Testing;
using ModuleGen.Line.Testing.Spec;
using ModuleGen.Line.Testing.Stubs;
using Shouldly;

namespace ModuleGen.Line.ContractTests;

/// <summary>Whether a stub expects the request body the spec declares.</summary>
internal enum SpecBody
{
    /// <summary>The body must be there (the fake checks that it conforms: JSON against the schema, form fields, parts).</summary>
    AsSpecified,

    /// <summary>The spec's body is optional and the call leaves it out: no body and no Content-Type at all.</summary>
    Omitted,
}

/// <summary>
/// The spec side of every contract test: the fake platform refuses what the spec does not allow, <see cref="SpecStub"/>
/// gives an operation the answer a test needs, and <see cref="ShouldConformTo"/> checks a journal entry against the
/// operation. Every test that proves an operation carries <c>[Trait(SpecConformance.Operation, "operationId")]</c>;
/// <see cref="Harness.OperationCoverageTests"/> demands one per operation.
/// </summary>
internal static class SpecConformance
{
    /// <summary>The trait name that ties a test to the operationId it proves.</summary>
    public const string Operation = "Operation";

    /// <summary>The spec embedded in ModuleGen.Line.Testing, read independently of the generator.</summary>
    public static LineSpec Spec => LineSpec.Default;

    /// <summary>A stub for a call that sends the body the spec declares (if it declares one).</summary>
    public static LineStub SpecStub(this LineFakePlatform platform, string operationId, params (string Name, string Value)[] pathValues) =>
        platform.SpecStub(operationId, SpecBody.AsSpecified, pathValues);

    /// <summary>A stub on the expanded path that also requires the body to be there, or absent, as <paramref name="body"/> says.</summary>
    public static LineStub SpecStub(this LineFakePlatform platform, string operationId, SpecBody body, params (string Name, string Value)[] pathValues)
    {
        var stub = platform.Stub(operationId, pathValues);
        if (Spec.Operation(operationId).RequestBody is null)
        {
            return stub;
        }

        return body == SpecBody.Omitted ? stub.WithoutBody() : stub.WithBody();
    }

    /// <summary>The fake accepted the request and it departs from <paramref name="operationId"/> in nothing the spec pins down.</summary>
    public static void ShouldConformTo(this LineRecordedRequest request, string operationId)
    {
        request.Conformed.ShouldBeTrue($"the fake refused {request.Method} {request.Url}: {request.Refusal}");
        var violations = Spec.Violations(operationId, request);
        violations.ShouldBeEmpty($"{request.Method} {request.Url} departs from {operationId}:\n  " + string.Join("\n  ", violations.ToArray()));
    }
}
