namespace SearchService.Cluster.Shards;

/// <summary>Where a shard is active and how far it has followed the article log.</summary>
/// <param name="Silo">The silo holding it.</param>
/// <param name="OpenedAtVersion">The version its folder held when it was activated there (0: it started empty).</param>
/// <param name="AppliedVersion">The last version of the log it has applied.</param>
[GenerateSerializer]
public sealed record ShardStatus(
    [property: Id(0)] int Shard, [property: Id(1)] string Silo, [property: Id(2)] long OpenedAtVersion, [property: Id(3)] long AppliedVersion);
