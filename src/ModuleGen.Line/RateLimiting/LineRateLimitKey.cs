namespace ModuleGen.Line;

/// <summary>The partition of LINE's rate limits: one module channel (this process's), one OA, one endpoint.</summary>
/// <param name="BotId">The OA, or null for calls made for no OA (module-level endpoints).</param>
/// <param name="OperationId">The endpoint's operationId.</param>
public readonly record struct LineRateLimitKey(string? BotId, string OperationId);
