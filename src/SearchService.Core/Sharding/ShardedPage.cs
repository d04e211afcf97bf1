using SearchService.Core.Searching;

namespace SearchService.Core.Sharding;

/// <summary>A page of a sharded search, and where it read each shard (<see cref="ShardedSearcher.PageAsync"/>).</summary>
/// <param name="Points">Each shard's copy and point in time, in shard order.</param>
public sealed record ShardedPage(SearchResult Result, IReadOnlyList<ShardPoint> Points);
