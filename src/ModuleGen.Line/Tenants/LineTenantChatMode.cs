namespace ModuleGen.Line.Tenants;

/// <summary>The module's chat mode after the OA's most recent <c>activated</c> or <c>deactivated</c> event.</summary>
public enum LineTenantChatMode
{
    /// <summary>No <c>activated</c> or <c>deactivated</c> event was seen.</summary>
    Unknown,

    /// <summary>The last chat-control event was <c>activated</c>: the module became the active channel of that chat.</summary>
    Active,

    /// <summary>The last chat-control event was <c>deactivated</c>: the module went to standby in that chat.</summary>
    Standby,
}
