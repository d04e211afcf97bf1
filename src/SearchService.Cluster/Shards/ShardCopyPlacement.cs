namespace SearchService.Cluster.Shards;

/// <summary>
/// Orleans' placement of a shard's copies (<see cref="ShardCopyPlacementDirector"/>): each on a silo that holds no other
/// copy of the same shard, while there are silos enough, so that losing a silo leaves every shard a copy that answers.
/// </summary>
[GenerateSerializer, Immutable, SuppressReferenceTracking]
public sealed class ShardCopyPlacement : PlacementStrategy
{
}
