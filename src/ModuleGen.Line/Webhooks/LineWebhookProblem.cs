namespace ModuleGen.Line.Webhooks;

/// <summary>One problem of a webhook body: where (a JSON path) and what.</summary>
/// <param name="Kind">The kind of problem.</param>
/// <param name="JsonPath">Where it is, e.g. <c>$.events[1]</c> or <c>$.destination</c>.</param>
/// <param name="Message">What is wrong; for a missing property, <c>Type.property</c>.</param>
public sealed record LineWebhookProblem(LineWebhookProblemKind Kind, string JsonPath, string Message);
