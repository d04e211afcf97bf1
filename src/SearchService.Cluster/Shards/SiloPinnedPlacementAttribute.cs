using Orleans.Placement;

namespace SearchService.Cluster.Shards;

/// <summary>Places a grain's activations as <see cref="SiloPinnedPlacement"/> says.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class SiloPinnedPlacementAttribute() : PlacementAttribute(new SiloPinnedPlacement());
