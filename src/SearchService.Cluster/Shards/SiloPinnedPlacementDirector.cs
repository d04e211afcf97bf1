using Orleans.Runtime.Placement;

namespace SearchService.Cluster.Shards;

/// <summary>
/// Places a build of a shard copy (<see cref="ShardCopyBuild"/>) on the silo its key names; a silo no longer in the
/// cluster fails the call, as a build there cannot serve a move there.
/// </summary>
internal sealed class SiloPinnedPlacementDirector : IPlacementDirector
{
    public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        var build = ShardCopyBuild.Of(target.GrainIdentity.Key.ToString()!);
        return context.GetCompatibleSilos(target).Contains(build.Silo)
            ? Task.FromResult(build.Silo)
            : throw new OrleansException($"{build.Silo} is not an active silo: {build.Copy} cannot be built there.");
    }
}
