namespace SearchService.Cluster.Shards;

/// <summary>
/// One search on a shard grain, named by its gatherer: the first call of the search opens it over the shard's reader of
/// that moment (saving a call to open it), the others find it open.
/// </summary>
[GenerateSerializer]
public readonly record struct ShardSearch([property: Id(0)] Guid Id, [property: Id(1)] bool Opens);
