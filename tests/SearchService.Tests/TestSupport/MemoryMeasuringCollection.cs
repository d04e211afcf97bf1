namespace SearchService.Tests.TestSupport;

/// <summary>
/// Tests that measure the process's managed heap run alone: other tests allocating meanwhile would move the figure.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MemoryMeasuringCollection
{
    public const string Name = "Memory measuring";
}
