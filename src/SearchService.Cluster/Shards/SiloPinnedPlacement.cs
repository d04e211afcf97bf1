namespace SearchService.Cluster.Shards;

/// <summary>
/// Orleans' placement of a build of a shard copy (<see cref="SiloPinnedPlacementDirector"/>): on the silo its key
/// names, the one the copy is to move to, or nowhere.
/// </summary>
[GenerateSerializer, Immutable, SuppressReferenceTracking]
public sealed class SiloPinnedPlacement : PlacementStrategy
{
}
