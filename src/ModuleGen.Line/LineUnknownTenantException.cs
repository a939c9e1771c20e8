using System;

namespace ModuleGen.Line;

/// <summary>
/// A webhook event arrived without a usable <c>destination</c>, so there is no OA to call LINE for. Permanent: a retry
/// cannot tell who the event belongs to.
/// </summary>
public sealed class LineUnknownTenantException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    public LineUnknownTenantException(string message)
        : base(message)
    {
    }
}
