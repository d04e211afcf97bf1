using SearchService.Core.Sharding;

namespace SearchService.Cluster.Shards;

/// <summary>A shard's figures for a search (<see cref="ShardDfs"/>), and the version of the article log the copy had applied when the search opened.</summary>
[GenerateSerializer]
public sealed record ShardDfsAt([property: Id(0)] ShardDfs Dfs, [property: Id(1)] long Version);
