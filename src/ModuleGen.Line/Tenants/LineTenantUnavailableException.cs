using System;

namespace ModuleGen.Line.Tenants;

/// <summary>
/// A call for an OA the tenant registry knows to be detached or suspended was refused before any HTTP request:
/// LINE would refuse it too. Permanent (<see cref="LineFailurePolicy"/>): a webhook event whose handler hits it is
/// dead-lettered at once, not retried.
/// </summary>
public sealed class LineTenantUnavailableException : InvalidOperationException
{
    /// <summary>Creates the exception for <paramref name="tenant"/>, which is not available.</summary>
    public LineTenantUnavailableException(LineTenant tenant, string? operationId)
        : base(Describe(tenant, operationId))
    {
        BotId = tenant.BotId;
        Attachment = tenant.Attachment;
        IsSuspended = tenant.IsSuspended;
        OperationId = operationId;
    }

    /// <summary>The OA.</summary>
    public string BotId { get; }

    /// <summary>Its attachment when the call was refused.</summary>
    public LineTenantAttachment Attachment { get; }

    /// <summary>Whether it was suspended.</summary>
    public bool IsSuspended { get; }

    /// <summary>The refused operation, when known.</summary>
    public string? OperationId { get; }

    private static string Describe(LineTenant tenant, string? operationId)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        var state = tenant.Attachment == LineTenantAttachment.Detached
            ? $"detached since {tenant.DetachedAt:O}{(tenant.DetachReason is null ? string.Empty : " (" + tenant.DetachReason + ")")}"
            : $"suspended since {tenant.SuspensionChangedAt:O}";
        return $"The call{(operationId is null ? string.Empty : " " + operationId)} for OA {tenant.BotId} was not sent: the module is {state}.";
    }
}
