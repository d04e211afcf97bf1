using Microsoft.Extensions.Options;
using Orleans.Runtime.Placement;

namespace SearchService.Cluster.Shards;

/// <summary>
/// Places a copy of a shard on a silo holding no other copy of it (<see cref="ShardCopySiloChooser"/>), skipping those
/// where the grain directory has another copy active or this silo has just placed one. With fewer silos than copies, a
/// copy every silo of which holds another copy of its shard is refused (<see cref="ShardCopyUnassignedException"/>): it
/// stays unassigned, as Elasticsearch leaves a replica that has no node of its own, until a silo joins and
/// <see cref="ShardRebalancer"/> builds it there. A copy moved by <see cref="ShardRebalancer"/> goes to the silo its
/// placement hint names (<see cref="IPlacementDirector.PlacementHintKey"/>) unless that silo holds another copy of the shard.
/// </summary>
internal sealed class ShardCopyPlacementDirector : IPlacementDirector
{
    private readonly ShardCopySiloChooser chooser;

    public ShardCopyPlacementDirector(IGrainFactory grains, IOptions<ShardGrainOptions> options)
    {
        var management = grains.GetGrain<IManagementGrain>(0);
        // A directory look-up: it does not activate the other copy.
        chooser = new ShardCopySiloChooser(options.Value.Replicas,
            copy => management.GetActivationAddress(grains.GetGrain<IShardGrain>(copy.Key)), TimeProvider.System);
    }

    public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        var silos = context.GetCompatibleSilos(target).Order().ToArray();
        return chooser.ChooseAsync(ShardCopy.Of(target.GrainIdentity.GetIntegerKey()), silos,
            IPlacementDirector.GetPlacementHint(target.RequestContextData, silos));
    }
}
