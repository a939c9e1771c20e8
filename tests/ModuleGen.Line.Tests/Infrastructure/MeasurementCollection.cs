using Xunit;

namespace ModuleGen.Line.Tests.Infrastructure;

/// <summary>
/// The tests that measure throughput and timing (the 10,000-push load, the limiter's windows) run one after the
/// other: run together on two cores, the load starves the limiter's 100 ms refill of the thread pool.
/// </summary>
[CollectionDefinition(nameof(MeasurementCollection))]
public sealed class MeasurementCollection
{
}
