namespace SearchService.Cluster.Shards;

/// <summary>A build of a copy's index under way on the silo it is to move to (<see cref="ShardCopyBuilds"/>).</summary>
/// <param name="Silo">The silo building it, where the copy is to move.</param>
/// <param name="Version">The version of the article log up to which the build holds every change so far.</param>
/// <param name="StartedAt">When the build started.</param>
[GenerateSerializer]
public sealed record ShardCopyBuildProgress(
    [property: Id(0)] int Shard,
    [property: Id(1)] int Copy,
    [property: Id(2)] string Silo,
    [property: Id(3)] long Version,
    [property: Id(4)] DateTimeOffset StartedAt);
