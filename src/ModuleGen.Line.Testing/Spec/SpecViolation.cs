namespace ModuleGen.Line.Testing.Spec;

/// <summary>One way a request departs from its operation.</summary>
/// <param name="Kind">What it is about.</param>
/// <param name="Message">What is wrong, naming the parameter, header or body property.</param>
/// <param name="Property">The body property it concerns (LINE's <c>details[].property</c>), if any.</param>
internal sealed record SpecViolation(SpecViolationKind Kind, string Message, string? Property = null);
