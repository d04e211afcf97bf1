using SearchService.Core.Searching;

namespace SearchService.Core.Sharding;

/// <summary>A page of a sharded search, and where it read each shard (<see cref="ShardedSearcher.PageAsync"/>).</summary>
/// <param name="Points">Each shard's copy and point in time, in shard order.</param>
/// <param name="RescoresQuestion">A question by relevance: its best hits were re-scored over all shards together, and
/// so are not followed by cursor (each shard cannot tell which of its hits come after a re-scored one).</param>
public sealed record ShardedPage(SearchResult Result, IReadOnlyList<ShardPoint> Points, bool RescoresQuestion);
