using System;

namespace ModuleGen.Line.Inbox;

/// <summary>Counts of the inbox's events by state at one moment; meant for health checks and metrics.</summary>
/// <param name="Pending">Events waiting to be leased, due now or scheduled for a retry (includes expired leases).</param>
/// <param name="InFlight">Events under an unexpired lease.</param>
/// <param name="Completed">Completed events still kept for deduplication.</param>
/// <param name="DeadLettered">Dead-lettered events.</param>
/// <param name="OldestPendingReceivedAt">
/// When the oldest pending or in-flight event was first stored; <see langword="null"/> when there is none. A time far
/// in the past means the worker is stuck or down.
/// </param>
public sealed record LineInboxStatistics(
    int Pending,
    int InFlight,
    int Completed,
    int DeadLettered,
    DateTimeOffset? OldestPendingReceivedAt);
