namespace ModuleGen.Line.Testing.Spec;

/// <summary>What a departure from the spec is about; the fake platform answers each the way LINE does.</summary>
internal enum SpecViolationKind
{
    /// <summary>The Authorization header is missing or of the wrong scheme (LINE: 401).</summary>
    Authorization,

    /// <summary>A bot-scoped operation without the bot-id header (LINE: 403, "Access to this API is not available…").</summary>
    MissingBotId,

    /// <summary>Anything else about the request: method, query, headers, Content-Type, body (LINE: 400).</summary>
    Request,
}
