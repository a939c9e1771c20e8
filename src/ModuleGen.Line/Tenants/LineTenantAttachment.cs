namespace ModuleGen.Line.Tenants;

/// <summary>Whether the module is attached to an OA, as far as the registry knows.</summary>
public enum LineTenantAttachment
{
    /// <summary>Attached: by the attach result, a <c>module</c> attached event, <c>GET /v2/bot/list</c>, or an event from it.</summary>
    Attached,

    /// <summary>Detached: by a <c>module</c> detached event, or missing from <c>GET /v2/bot/list</c>.</summary>
    Detached,
}
