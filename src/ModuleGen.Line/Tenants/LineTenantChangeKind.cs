namespace ModuleGen.Line.Tenants;

/// <summary>What a <see cref="LineTenantChange"/> says happened to an OA.</summary>
public enum LineTenantChangeKind
{
    /// <summary>The module was attached, with the scopes granted (if known).</summary>
    Attached,

    /// <summary>The module was detached.</summary>
    Detached,

    /// <summary><c>botSuspended</c>.</summary>
    Suspended,

    /// <summary><c>botResumed</c>.</summary>
    Resumed,

    /// <summary><c>activated</c>: the module became the active channel of a chat.</summary>
    Activated,

    /// <summary><c>deactivated</c>: the module went to standby in a chat.</summary>
    Deactivated,

    /// <summary>An event of any other kind arrived for the OA, so the module is attached to it.</summary>
    Seen,

    /// <summary><c>GET /v2/bot/list</c> listed the OA with this basic ID and display name.</summary>
    Listed,
}
