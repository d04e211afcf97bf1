using Orleans.Placement;

namespace SearchService.Cluster.Shards;

/// <summary>Places a grain's activations as <see cref="ShardCopyPlacement"/> says.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class ShardCopyPlacementAttribute() : PlacementAttribute(new ShardCopyPlacement());
