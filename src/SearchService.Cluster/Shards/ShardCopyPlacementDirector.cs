using Microsoft.Extensions.Options;
using Orleans.Runtime.Placement;

namespace SearchService.Cluster.Shards;

/// <summary>
/// Places a copy of a shard on a silo holding no other copy of it: the silos are taken in an order that starts at the
/// shard's number plus the copy's (so copies placed at the same moment, unaware of each other, land apart, and the
/// shards spread over the silos), skipping those where the grain directory has another copy active. With fewer silos
/// than copies, a copy every silo of which holds another copy of its shard is refused
/// (<see cref="ShardCopyUnassignedException"/>): it stays unassigned, as Elasticsearch leaves a replica that has no node
/// of its own, until a silo joins and <see cref="ShardRebalancer"/> builds it there. A copy moved by <see cref="ShardRebalancer"/> goes to the silo its placement hint
/// names (<see cref="IPlacementDirector.PlacementHintKey"/>) unless that silo holds another copy of the shard.
/// </summary>
internal sealed class ShardCopyPlacementDirector(IGrainFactory grains, IOptions<ShardGrainOptions> options) : IPlacementDirector
{
    public async Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        var silos = context.GetCompatibleSilos(target).Order().ToArray();
        var placed = ShardCopy.Of(target.GrainIdentity.GetIntegerKey());
        var management = grains.GetGrain<IManagementGrain>(0);
        var taken = new HashSet<SiloAddress>();
        foreach (var other in Enumerable.Range(0, options.Value.Replicas).Where(copy => copy != placed.Copy))
        {
            // A directory look-up: it does not activate the other copy.
            if (await management.GetActivationAddress(grains.GetGrain<IShardGrain>(new ShardCopy(placed.Shard, other).Key)) is { } at)
                taken.Add(at);
        }
        if (IPlacementDirector.GetPlacementHint(target.RequestContextData, silos) is { } hinted && !taken.Contains(hinted))
            return hinted;
        var start = placed.Shard + placed.Copy;
        var inOrder = Enumerable.Range(0, silos.Length).Select(i => silos[(start + i) % silos.Length]).ToList();
        return inOrder.FirstOrDefault(silo => !taken.Contains(silo)) ?? throw new ShardCopyUnassignedException(placed, silos.Length);
    }
}
