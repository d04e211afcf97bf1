namespace SearchService.Core.Sharding;

/// <summary>
/// Where a cursor walk reads one shard: the copy holding the walk's reader and that reader's point in time there
/// (<see cref="Searching.PointsInTime"/>), as Elasticsearch's point-in-time id names, per shard, a copy and a search context.
/// </summary>
/// <param name="Copy">The copy (0 for a shard of this process, which has one).</param>
/// <param name="PointInTime">The point's id on that copy: unique to the copy's activation, so a copy started again
/// holds no point of the same id.</param>
public sealed record ShardPoint(int Copy, long PointInTime);
