using System.Linq;
using ModuleGen.Testing.Spec;
using ModuleGen.Testing.WireMock;
using Shouldly;

namespace ModuleGen.Line.ContractTests;

/// <summary>
/// The spec side of every contract test: <see cref="Spec"/> builds stubs that only match what the spec allows
/// (<c>Spec.Stub(operationId, pathValues)</c>), and <see cref="ShouldConformTo"/>
/// checks a journal entry against the operation. Every test that proves an operation carries
/// <c>[Trait(SpecConformance.Operation, "operationId")]</c>; <see cref="Harness.OperationCoverageTests"/> demands one per operation.
/// </summary>
internal static class SpecConformance
{
    /// <summary>The trait name that ties a test to the operationId it proves.</summary>
    public const string Operation = "Operation";

    /// <summary>The repository's spec/, read independently of the generator.</summary>
    public static LineSpec Spec => LineSpec.Default;

    /// <summary>The request was served by a stub and departs from <paramref name="operationId"/> in nothing the spec pins down.</summary>
    public static void ShouldConformTo(this RecordedRequest request, string operationId)
    {
        request.WasMatched.ShouldBeTrue($"no stub matched {request.Method} {request.Url}");
        var violations = Spec.Violations(operationId, request);
        violations.ShouldBeEmpty($"{request.Method} {request.Url} departs from {operationId}:\n  " + string.Join("\n  ", violations.ToArray()));
    }
}
