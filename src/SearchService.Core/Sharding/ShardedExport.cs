namespace SearchService.Core.Sharding;

/// <summary>
/// What every page of an export over shards reads with (<see cref="ShardedMatchExport"/>), gathered once: the request as
/// each shard parses it (typos corrected from every shard's words), the whole index's figures for it, and where each
/// shard is read for the whole export. The figures stay true while the points in time do not change.
/// </summary>
internal sealed record ShardedExport(ShardRequest Request, CorpusStatistics Statistics, IReadOnlyList<ShardPoint> Points);
