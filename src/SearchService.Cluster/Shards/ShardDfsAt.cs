using SearchService.Core.Sharding;

namespace SearchService.Cluster.Shards;

/// <summary>
/// A shard's figures for a search (<see cref="ShardDfs"/>), the version of the article log the copy had applied when the
/// search opened, and the point in time it reads (<see cref="ShardPoint.PointInTime"/>), which a cursor walk's next page asks for.
/// </summary>
[GenerateSerializer]
public sealed record ShardDfsAt([property: Id(0)] ShardDfs Dfs, [property: Id(1)] long Version, [property: Id(2)] long PointInTime);
