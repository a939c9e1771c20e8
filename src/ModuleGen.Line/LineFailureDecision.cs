namespace ModuleGen.Line;

/// <summary>What <see cref="LineFailurePolicy.Classify"/> decided about one failure, and why.</summary>
/// <param name="Kind">Transient or permanent.</param>
/// <param name="Reason">A short reason for logs and dead letters.</param>
public readonly record struct LineFailureDecision(LineFailureKind Kind, string Reason)
{
    /// <summary>Whether the failure is permanent.</summary>
    public bool IsPermanent => Kind == LineFailureKind.Permanent;
}
