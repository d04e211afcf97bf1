using Microsoft.Extensions.Options;
using SearchService.Cluster.Shards;

namespace SearchService.Api.Cluster;

/// <summary>
/// Asks every copy of every shard for its status (<see cref="IShardGrain.StatusAsync"/>) at once, each bounded by the
/// call timeout: what <c>/health</c> reports and the shard gauges of <c>/metrics</c> show.
/// </summary>
public sealed class ShardCopyStatuses(IGrainFactory grains, IOptions<SearchClusterOptions> options)
{
    /// <returns>
    /// Each copy, in shard and copy order, with its status, or why it did not answer; unassigned when no node may hold it
    /// (<see cref="ShardCopyUnassignedException"/>: fewer nodes than copies).
    /// </returns>
    public async Task<IReadOnlyList<(ShardCopy Copy, ShardStatus? Status, string? Problem, bool Unassigned)>> GatherAsync(CancellationToken cancellation) =>
        await Task.WhenAll(ShardCopy.All(options.Value.Shards, options.Value.Replicas).Select(copy => CopyAsync(copy, cancellation)));

    private async Task<(ShardCopy Copy, ShardStatus? Status, string? Problem, bool Unassigned)> CopyAsync(ShardCopy copy, CancellationToken cancellation)
    {
        try
        {
            return (copy, await grains.GetGrain<IShardGrain>(copy.Key).StatusAsync().WaitAsync(options.Value.ShardCallTimeout, cancellation), null, false);
        }
        catch (Exception e) when (ShardCopyUnassignedException.Caused(e))
        {
            return (copy, null, e.Message, true);
        }
        // Whatever keeps a copy from answering (its activation failed, its silo is gone, it took too long) is what the
        // report says of it: one copy's failure is not the report's.
        catch (Exception e) when (!cancellation.IsCancellationRequested)
        {
            return (copy, null, e.Message, false);
        }
    }
}
