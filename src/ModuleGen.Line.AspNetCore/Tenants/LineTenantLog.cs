using System;
using Microsoft.Extensions.Logging;

namespace ModuleGen.Line.AspNetCore.Tenants;

/// <summary>The tenant maintenance service's log messages: counts, bot IDs and times, never tokens or user data.</summary>
internal static partial class LineTenantLog
{
    [LoggerMessage(EventId = 401, EventName = "TenantRegistryDrift", Level = LogLevel.Warning,
        Message = "Tenant registry drift: LINE lists {ListedCount} OAs; {NewlyAttachedCount} newly attached ({NewlyAttached}); {NoLongerListedCount} no longer listed, now detached ({NoLongerListed}).")]
    public static partial void Drift(
        ILogger logger, int listedCount, int newlyAttachedCount, string newlyAttached, int noLongerListedCount, string noLongerListed);

    [LoggerMessage(EventId = 402, EventName = "TenantPurged", Level = LogLevel.Information,
        Message = "Deleted OA {BotId}, detached at {DetachedAt:O}, and its {EventCount} stored webhook events (retention over).")]
    public static partial void Purged(ILogger logger, string botId, DateTimeOffset detachedAt, int eventCount);

    [LoggerMessage(EventId = 403, EventName = "TenantMaintenanceStepFailed", Level = LogLevel.Error,
        Message = "Tenant maintenance step '{Step}' failed; trying again at the next interval.")]
    public static partial void StepFailed(ILogger logger, Exception exception, string step);

    [LoggerMessage(EventId = 404, EventName = "TenantMaintenanceStepUnreachable", Level = LogLevel.Warning,
        Message = "Tenant maintenance step '{Step}' could not reach LINE ({Reason}); trying again at the next interval.")]
    public static partial void StepFailedUnreachable(ILogger logger, string step, string reason);
}
