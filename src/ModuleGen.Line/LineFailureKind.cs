namespace ModuleGen.Line;

/// <summary>Whether a failure can go away by trying again.</summary>
public enum LineFailureKind
{
    /// <summary>Worth another attempt after a backoff: LINE or the network was busy or down.</summary>
    Transient,

    /// <summary>Another attempt fails the same way (the request is wrong, forbidden, or LINE's quota is spent): give up at once.</summary>
    Permanent,
}
